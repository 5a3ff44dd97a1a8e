/**
 * A value already written as JSON text. insertAsJson sends it inside the rows' JSON as is, and the
 * audit chain's canonicalJson writes it as is: a bulk append hashes and stores each record's JSON
 * once instead of converting, hashing and serialising the record three times over.
 */
export class JsonText {
  constructor(readonly text: string) {}
}
