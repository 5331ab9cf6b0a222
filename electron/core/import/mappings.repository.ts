import type BetterSqlite3 from 'better-sqlite3';
import type { SavedMapping, SheetMapping } from '../../../shared/contract/import.contract';
import { sheetMapping } from '../../../shared/contract/import.contract';

interface MappingRow {
  name: string;
  signature: string;
  mapping_json: string;
  headers_json: string;
  created_at: string;
  updated_at: string;
}

function toSaved(row: MappingRow): SavedMapping | null {
  const mapping = sheetMapping.safeParse(JSON.parse(row.mapping_json));
  if (!mapping.success) return null; // written by a different version: ignored, never crashes a preview
  return { name: row.name, signature: row.signature, mapping: mapping.data, headers: JSON.parse(row.headers_json) as string[], createdAt: row.created_at, updatedAt: row.updated_at };
}

/** The mapping the owner confirmed last for a sheet layout. */
export function mappingForSignature(sqlite: BetterSqlite3.Database, signature: string): { name: string; mapping: SheetMapping } | null {
  const row = sqlite.prepare('SELECT * FROM import_mappings WHERE signature = ? ORDER BY updated_at DESC, id DESC LIMIT 1').get(signature) as MappingRow | undefined;
  const saved = row ? toSaved(row) : null;
  return saved ? { name: saved.name, mapping: saved.mapping } : null;
}

export function mappingByName(sqlite: BetterSqlite3.Database, name: string): SavedMapping | null {
  const row = sqlite.prepare('SELECT * FROM import_mappings WHERE name = ? COLLATE NOCASE').get(name) as MappingRow | undefined;
  return row ? toSaved(row) : null;
}

export function listMappings(sqlite: BetterSqlite3.Database): SavedMapping[] {
  const rows = sqlite.prepare('SELECT * FROM import_mappings ORDER BY name COLLATE NOCASE').all() as MappingRow[];
  return rows.map(toSaved).filter((m): m is SavedMapping => m !== null);
}

/** Saves or replaces a mapping by name. */
export function saveMapping(sqlite: BetterSqlite3.Database, input: { name: string; signature: string; mapping: SheetMapping; headers: string[] }, at: string): SavedMapping {
  sqlite
    .prepare(
      `INSERT INTO import_mappings (name, signature, mapping_json, headers_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET signature = excluded.signature, mapping_json = excluded.mapping_json, headers_json = excluded.headers_json, updated_at = excluded.updated_at`,
    )
    .run(input.name, input.signature, JSON.stringify(input.mapping), JSON.stringify(input.headers), at, at);
  return mappingByName(sqlite, input.name)!;
}

export function deleteMapping(sqlite: BetterSqlite3.Database, name: string): boolean {
  return sqlite.prepare('DELETE FROM import_mappings WHERE name = ? COLLATE NOCASE').run(name).changes > 0;
}
