import type { Database } from 'better-sqlite3';
import { minutesOf } from '../../../../shared/domain/journal/options.ts';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import { prepared } from '../../db/statements.ts';
import { joinCodes } from '../journal-context.ts';

/** The kinds of journal record the hub receives (outbox `entity`), one record module each. */
export type JournalEntity = 'operator' | 'site' | 'citizen' | 'session' | 'followUp' | 'workshop' | 'participant';

export type Column = string | number | null;
export type Columns = Record<string, Column>;
/** A record's version as synced: what the store sends and what the hub may send back. */
export type Payload = Readonly<Record<string, unknown>>;
export type Op = 'upsert' | 'delete';

/** What a codec may use besides the payload: the cipher, the write's time, the row as it is now. */
export interface CodecEnv {
  cipher: FieldCipher;
  /** ISO time of the write (the injected clock), for a payload that leaves a time out. */
  at: string;
  db: Database;
}

/**
 * Everything one synced record type knows about itself: its table, the ONE codec from its synced
 * payload to its row's columns (the store's writes and the sync write-back of a resolved conflict
 * both go through it, so they cannot write different rows), and what else changes with a write.
 * Columns only the desk keeps (who created or deleted it, when) are the store's, not the codec's.
 */
export interface RecordModule<Row = unknown> {
  entity: JournalEntity;
  table: string;
  columns(payload: Payload, op: Op, id: string, env: CodecEnv): Columns;
  /** Side tables and other records' derived columns that follow this record (after its row is written). */
  alsoWrite?(db: Database, id: string, payload: Payload, op: Op, env: CodecEnv): void;
  /** Only a type carrier for `findRow`; never set. */
  readonly row?: Row;
}

/** The record's row by id, typed by its module (the one row type of its table). */
export const findRow = <Row>(db: Database, record: RecordModule<Row>, id: string): Row | undefined =>
  prepared(db, `SELECT * FROM ${record.table} WHERE id = ?`).get(id) as Row | undefined;

/** Writes columns as a new row (mode insert) or onto the row with this id (update); statements are cached by shape. */
export const writeColumns = (db: Database, table: string, mode: 'insert' | 'update', id: string, columns: Columns) => {
  const names = Object.keys(columns);
  const values = names.map((name) => columns[name] ?? null);
  if (mode === 'insert') {
    prepared(db, `INSERT INTO ${table} (id, ${names.join(', ')}) VALUES (?${', ?'.repeat(names.length)})`).run(
      id,
      ...values,
    );
  } else {
    prepared(db, `UPDATE ${table} SET ${names.map((name) => `${name} = ?`).join(', ')} WHERE id = ?`).run(
      ...values,
      id,
    );
  }
};

/* Readers of a payload's fields: lenient, because a resolved conflict's payload comes from the hub. */
export const text = (payload: Payload, key: string): string | null => {
  const value = payload[key];
  return typeof value === 'string' ? value : null;
};
export const codes = (payload: Payload, key: string): string => {
  const value = payload[key];
  return Array.isArray(value) ? joinCodes(value as (string | number)[]) : '';
};
export const flag = (payload: Payload, key: string): number => (payload[key] === true ? 1 : 0);
export const integer = (payload: Payload, key: string): number | null => {
  const value = payload[key];
  return typeof value === 'number' ? value : null;
};
export const minutes = (payload: Payload, key: string): number | null => minutesOf(text(payload, key) ?? '');
export const list = (payload: Payload, key: string): string[] => {
  const value = payload[key];
  return Array.isArray(value) ? (value as string[]) : [];
};
