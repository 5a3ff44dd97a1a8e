// The shape of the ids in keys built from several ids (an occurrence, a submission), for parsing them back.
export const UUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
