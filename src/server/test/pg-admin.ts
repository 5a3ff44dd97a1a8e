// Creating and dropping databases on a PostgreSQL server, for test databases. No vitest import:
// the run's global setups (which run outside any test worker) use it too.
import pg from 'pg';

/** In the run's folder: the PostgreSQL databases test files made as templates, dropped by the global setup's teardown. */
export const RUN_DATABASES_FILE = 'databases.txt';

export async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/**
 * pg's pool.end() resolves before the server has seen every connection close; dropping WITH (FORCE)
 * at once would kill those backends and surface as unhandled 57P01 errors. Wait for them instead.
 */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006') throw e; // 55006: database is being accessed by other users
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * CREATE DATABASE, optionally as a copy of `template`. PostgreSQL refuses to copy a database while
 * anyone is connected to it (55006), and the connections that seeded the template may take a moment
 * to go after their pool ended: try again meanwhile.
 */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  const text = `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(serverUrl, text);
      return;
    } catch (e) {
      if (!template || (e as { code?: string }).code !== '55006' || attempt >= 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
