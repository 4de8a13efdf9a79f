/**
 * The pager under a long list (issue 28 item 3): 上一页 / 下一页 and the range shown, announced
 * to a screen reader as it changes (「第 51–100 条，共 N 条」; N counted up to the cap, 「1000+」
 * past it: shared/domain/listPaging.ts). `useCursorPages` keeps the cursors of the pages before,
 * so 上一页 reads its page again from the index instead of keeping rows in memory.
 */
import { useState } from 'react';
import { Button, Stack, Typography } from '@mui/material';
import { LIST_PAGE_SIZE, rangeLabel, type ListPage } from '@shared/domain/listPaging';

/** The cursor each page was read from (undefined: the first page); reset when a filter changes. */
export function useCursorPages<C>() {
  const [stack, setStack] = useState<(C | undefined)[]>([undefined]);
  return {
    cursor: stack.at(-1),
    index: stack.length - 1,
    next: (c: C | undefined) => setStack((s) => [...s, c]),
    prev: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    reset: () => setStack([undefined]),
  };
}

type Props = {
  /** The list's name: the group is 「<label>翻页」. */
  label: string;
  /** Which page this is (0 first), its rows and the list's total (undefined while counted; null: not counted). */
  index: number;
  shown: number;
  total: number | null | undefined;
  hasMore: boolean;
  onPrev: () => void;
  onNext: () => void;
  pageSize?: number;
};

export function ListPager({ label, index, shown, total, hasMore, onPrev, onNext, pageSize = LIST_PAGE_SIZE }: Props) {
  const first = index * pageSize + 1;
  return (
    <Stack direction="row" spacing={2} role="group" aria-label={`${label}翻页`} sx={{ alignItems: 'center' }}>
      <Button variant="outlined" disabled={index === 0} onClick={onPrev}>
        上一页
      </Button>
      <Button variant="outlined" disabled={!hasMore} onClick={onNext}>
        下一页
      </Button>
      <Typography role="status" aria-live="polite">
        {total === undefined ? '' : rangeLabel(first, shown, total)}
      </Typography>
    </Stack>
  );
}

/** The pager of a list read a page at a time (`ListPage`), shown once there is more than one page. */
export function PagePager<R, C>({
  label,
  page,
  pages,
  total,
}: {
  label: string;
  page: ListPage<R, C> | undefined;
  pages: ReturnType<typeof useCursorPages<C>>;
  total: number | null | undefined;
}) {
  if (!page || (!page.hasMore && pages.index === 0)) return null;
  return (
    <ListPager
      label={label}
      index={pages.index}
      shown={page.rows.length}
      total={total}
      hasMore={page.hasMore}
      onPrev={pages.prev}
      onNext={() => pages.next(page.next)}
    />
  );
}
