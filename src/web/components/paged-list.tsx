// The one way a paginated list pages: the list page's error / phone cards / desktop table switch,
// the table's pagination config and the phone's card list (spinner, empty state, pagination).
import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Empty, Flex, Pagination, Skeleton, Spin, Table, type TablePaginationConfig, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { ErrorDisplay } from './error-display.tsx';
import { useIsMobile } from './use-is-mobile.ts';

interface Paging {
  page: number;
  pageSize: number;
  total: number;
  /** Counted noun after the total: 共 12 条 / 件 / 个单位. */
  unit?: string;
}

export function tablePagination({ page, pageSize, total, unit = '条', onChange }: Paging & { onChange?: (page: number, pageSize: number) => void }): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (t) => `共 ${t} ${unit}`,
    ...(onChange ? { onChange } : {}),
  };
}

/** A phone's card in a list is about this tall (two lines of text, two of details, tags). */
const CARD_HEIGHT = 150;

/**
 * While a page of cards loads for the first time, as many placeholder cards of a card's height as
 * the page will hold (as far as the total known from the counts says): the cards take their place
 * when they arrive, and nothing below or around them moves (the Lighthouse run measured a layout
 * shift of 0.66 on the phone's hazard list, as the cards pushed the page down).
 */
function CardListPlaceholder({ count, height }: { count: number; height: number }) {
  return (
    <Flex vertical gap={8} aria-busy="true">
      <span className="sr-only">正在加载…</span>
      {Array.from({ length: count }, (_, i) => (
        <Card key={i} size="small" style={{ height }}>
          <Skeleton active title={false} paragraph={{ rows: 3 }} />
        </Card>
      ))}
    </Flex>
  );
}

export function CardList<T>({
  items, loading, emptyText, page, pageSize, total, unit = '条', onPageChange, renderItem, testId, cardHeight = CARD_HEIGHT,
}: Paging & {
  items: T[];
  loading: boolean;
  /** A description, or a whole empty state (e.g. with the buttons that fill the list). */
  emptyText: ReactNode;
  onPageChange: (page: number, pageSize: number) => void;
  /** Each returned element carries its own key. */
  renderItem: (item: T) => ReactNode;
  testId?: string;
  /** How tall one card is, about (the placeholder's cards while loading). */
  cardHeight?: number;
}) {
  if (loading && items.length === 0) {
    // The total is 0 until the first answer: then a whole page is reserved.
    const left = total > 0 ? Math.max(0, total - (page - 1) * pageSize) : pageSize;
    return <CardListPlaceholder count={Math.max(1, Math.min(pageSize, left))} height={cardHeight} />;
  }
  if (items.length === 0) return typeof emptyText === 'string' ? <Empty description={emptyText} /> : emptyText;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid={testId}>
        {items.map(renderItem)}
      </Flex>
      <Flex justify="center" style={{ marginTop: 12 }}>
        <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPageChange} showTotal={(t) => `共 ${t} ${unit}`} />
      </Flex>
    </Spin>
  );
}

/** What a list's cards and table are given: one page of rows and how to turn the page. */
export interface PagedViewProps<T> {
  items: T[];
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number, pageSize: number) => void;
}

/**
 * A list's desktop table of one page of rows (keyed by id) in a card, with its empty state and
 * the shared pagination; other Table props (rowClassName, expandable…) pass through.
 */
export function ListTable<T extends { id: string }>({
  items, loading, page, pageSize, total, onPageChange, emptyText, unit, scrollX, testId, ...table
}: PagedViewProps<T> & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'rowKey'> & {
  emptyText: ReactNode;
  unit?: string;
  scrollX: number;
  testId: string;
}) {
  return (
    <Card size="small">
      <Table<T>
        rowKey="id"
        size="middle"
        dataSource={items}
        loading={loading}
        scroll={{ x: scrollX }}
        locale={{ emptyText: typeof emptyText === 'string' ? <Empty description={emptyText} /> : emptyText }}
        pagination={tablePagination({ page, pageSize, total, unit, onChange: onPageChange })}
        data-testid={testId}
        {...table}
      />
    </Card>
  );
}

/** A list page's results: the error with a retry, else cards on a phone and the table elsewhere. */
export function PagedResults<T>({
  list, page, pageSize, onPageChange, cards, table,
}: {
  list: UseQueryResult<{ items: T[]; total: number }>;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  cards: (p: PagedViewProps<T>) => ReactNode;
  table: (p: PagedViewProps<T>) => ReactNode;
}) {
  const isMobile = useIsMobile();
  if (list.isError) return <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} />;
  const p: PagedViewProps<T> = {
    items: list.data?.items ?? [], loading: list.isFetching, page, pageSize, total: list.data?.total ?? 0, onPageChange,
  };
  return isMobile ? cards(p) : table(p);
}
