import { Tag } from 'antd';
import { useEnterprise } from '../reference-data/get-enterprise.ts';

/**
 * The chip of a list narrowed to one enterprise (?enterpriseId=, from the enterprise's page):
 * its name (the first row's until the enterprise has loaded); closing it widens the list again.
 */
export function EnterpriseFilterTag({ id, fallbackName, onClose, testId }: { id: string; fallbackName: string | undefined; onClose: () => void; testId: string }) {
  const enterprise = useEnterprise(id);
  return (
    <Tag closable onClose={onClose} color="blue" data-testid={testId}>
      单位：{enterprise.data?.name ?? fallbackName ?? '…'}
    </Tag>
  );
}
