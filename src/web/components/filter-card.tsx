// A list page's search and filters: inline on a desktop; on a phone a 筛选 button (with the count of
// active filters) opens the same filters, stacked, in a FilterDrawer.
import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex } from 'antd';
import { type ReactNode, useState } from 'react';
import { FilterDrawer } from './filter-drawer.tsx';
import { useIsMobile } from './use-is-mobile.ts';

export function FilterCard(props: {
  search: ReactNode;
  filterCount: number;
  filters: (vertical: boolean) => ReactNode;
  /** Shown beside the 筛选 button on a phone only (e.g. the sort select). */
  phoneExtra?: ReactNode;
  /** Shown after the filters: chips for conditions set elsewhere. */
  children?: ReactNode;
  showClear: boolean;
  onClear: () => void;
  drawerSize?: string;
}) {
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Card size="small" className="filter-card">
        <Flex gap={8} wrap align="center">
          {props.search}
          {isMobile ? (
            <>
              <Badge count={props.filterCount} size="small">
                <Button icon={<FilterOutlined />} onClick={() => setOpen(true)} data-testid="filters-open">筛选</Button>
              </Badge>
              {props.phoneExtra}
            </>
          ) : (
            props.filters(false)
          )}
          {props.children}
          {props.showClear && (
            <Button type="link" onClick={props.onClear} data-testid="filters-clear">
              清除条件
            </Button>
          )}
        </Flex>
      </Card>
      {isMobile && (
        <FilterDrawer open={open} onClose={() => setOpen(false)} size={props.drawerSize}>
          {props.filters(true)}
        </FilterDrawer>
      )}
    </>
  );
}
