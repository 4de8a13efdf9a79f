/**
 * Issue 25 item 18: every table of the schema as opened has one Chinese name a person reads
 * (db/tableNames.ts), and the screens that name tables take it from there.
 */
import { describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { TABLE_NAMES, tableName } from '../../renderer/src/db/tableNames';
import { TABLE_LABELS } from '../../renderer/src/features/sync/conflictFields';
import { freshDb } from './testDb';

const CHINESE = /^[\u4e00-\u9fff]+$/;

describe('table names on screen', () => {
  it('names every table of the opened schema in Chinese, each name once', () => {
    const tables = (freshDb() as unknown as Dexie).tables.map((t) => t.name).sort();
    expect(Object.keys(TABLE_NAMES).sort()).toEqual(tables);
    for (const t of tables) expect(tableName(t), t).toMatch(CHINESE);
    const names = Object.values(TABLE_NAMES);
    expect(new Set(names).size).toBe(names.length);
  });

  it('never shows an English name, even for a table it does not know', () => {
    expect(tableName('someOldTable')).toMatch(CHINESE);
  });

  it('the 数据冲突 screens read the same map', () => {
    for (const t of Object.keys(TABLE_NAMES)) expect(TABLE_LABELS[t]).toBe(tableName(t));
  });
});
