// The one way a paginated list pages: the desktop table's pagination config and the phone's card
// list (spinner over the cards, an empty state, simple pagination below).
import { Empty, Flex, Pagination, Spin, type TablePaginationConfig } from 'antd';
import type { ReactNode } from 'react';

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

export function CardList<T>({
  items, loading, emptyText, page, pageSize, total, unit = '条', onPageChange, renderItem, testId,
}: Paging & {
  items: T[];
  loading: boolean;
  emptyText: string;
  onPageChange: (page: number, pageSize: number) => void;
  /** Each returned element carries its own key. */
  renderItem: (item: T) => ReactNode;
  testId?: string;
}) {
  if (!loading && items.length === 0) return <Empty description={emptyText} />;
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
