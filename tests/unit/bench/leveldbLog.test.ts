/** The bench's reading of a LevelDB LOG (bench/leveldbLog.ts): flushes, compactions and the compaction thread's busy time. */
import { describe, expect, it } from 'vitest';
import { describeActivity, levelDbActivity } from '../../../bench/leveldbLog';

const LOG = `2026/12/03-12:37:10.817 27a5 Creating DB /p/IndexedDB/x.indexeddb.leveldb since it was missing.
2026/12/03-12:37:11.293 27ac Level-0 table #5: started
2026/12/03-12:37:11.327 27ac Level-0 table #5: 1158849 bytes OK
2026/12/03-12:37:12.000 27a6 Compacting 1@0 + 3@1 files
2026/12/03-12:37:12.100 27a6 Generated table #9@0: 116761 keys, 2267951 bytes
2026/12/03-12:37:12.500 27a6 Compacted 1@0 + 3@1 files => 4000000 bytes
2026/12/03-12:37:13.000 27ac Level-0 table #11: started
2026/12/03-12:37:13.100 27ac Level-0 table #11: 841151 bytes OK
2026/12/03-12:37:14.000 27a6 Compacting 1@1 + 2@2 files
2026/12/03-12:37:15.250 27a6 Compacted 1@1 + 2@2 files => 6000000 bytes
2026/12/03-12:37:20.817 27a6 Delete type=2 #3314
`;

describe('the LevelDB log of a bench load', () => {
  it('sums the bytes flushed and compacted and the time spent compacting', () => {
    const a = levelDbActivity(LOG);
    expect(a.flushedMB).toBeCloseTo(2, 6);
    expect(a.compactedMB).toBeCloseTo(10, 6);
    expect(a.compactingS).toBeCloseTo(1.75, 6);
    expect(a.windowS).toBeCloseTo(10, 6);
    expect(describeActivity(a)).toBe(
      "IndexedDB's LevelDB in that session: 2 MB written, 10 MB rewritten by compaction (×5.0); its compaction thread busy 1.8 s of 10.0 s",
    );
  });

  it('reads an empty log as no activity', () => {
    expect(levelDbActivity('')).toEqual({ windowS: 0, compactingS: 0, flushedMB: 0, compactedMB: 0 });
  });
});
