import { App, Card, Result, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { TEnterprise, TEnterpriseCreate } from '../../../contract/enterprises.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { isApiError } from '../../lib/api.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { useEnterprise } from '../../reference-data/get-enterprise.ts';
import { type EnterpriseUpdateInput, useUpdateEnterprise } from './api/update-enterprise.ts';
import { EnterpriseForm } from './components/enterprise-form.tsx';

type Field = keyof TEnterpriseCreate;

/** The stored record in the shape the create schema produces, for comparison. */
function current(e: TEnterprise): TEnterpriseCreate {
  return {
    name: e.name, uscc: e.uscc, kind: e.kind, venueType: e.venueType, address: e.address, villageId: e.villageId,
    sectorIds: e.sectorIds, employeeCount: e.employeeCount, principalName: e.principalName, principalPhone: e.principalPhone,
    safetyManagerName: e.safetyManagerName, safetyManagerPhone: e.safetyManagerPhone, riskGrade: e.riskGrade,
    isKey: e.isKey, isHighRisk: e.isHighRisk, status: e.status,
  };
}

const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b)
    ? JSON.stringify([...a].sort()) === JSON.stringify([...b].sort())
    : JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Only the fields the user changed, plus the version they were editing. */
export function changedFields(before: TEnterprise, after: TEnterpriseCreate): EnterpriseUpdateInput {
  const base = current(before);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Field[]) {
    if (!same(base[key], after[key])) patch[key] = after[key];
  }
  return { ...(patch as Partial<TEnterpriseCreate>), version: before.version };
}

export function EnterpriseEditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const query = useEnterprise(id);
  const update = useUpdateEnterprise();
  const { message } = App.useApp();
  const detail = paths.enterprises.detail(id);

  if (query.isPending) {
    return (
      <PageContainer title="编辑单位" backTo={detail}>
        <Card><Skeleton active /></Card>
      </PageContainer>
    );
  }
  if (query.isError) {
    return (
      <PageContainer title="编辑单位" backTo={detail}>
        <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} backTo={paths.enterprises.list} />
      </PageContainer>
    );
  }
  const e = query.data;
  if (!e.allowedActions.includes('edit')) {
    return (
      <PageContainer title={`编辑：${e.name}`} backTo={detail}>
        <Result status="403" title="该单位当前不可编辑" subTitle={e.voidedAt ? '已作废的单位不能修改。' : '您无权修改该单位的信息。'} />
      </PageContainer>
    );
  }

  return (
    <PageContainer title={`编辑：${e.name}`} backTo={detail}>
      <EnterpriseForm
        key={`${e.id}:${e.version}`}
        initial={e}
        selfService={me.enterpriseId !== null}
        submitText="保存修改"
        onCancel={() => navigate(detail)}
        onSubmit={async (data) => {
          const body = changedFields(e, data);
          if (Object.keys(body).length === 1) {
            void message.info('没有修改任何内容');
            navigate(detail);
            return;
          }
          try {
            await update.mutateAsync({ id: e.id, body });
          } catch (err) {
            if (isApiError(err, 'CONFLICT')) {
              // The record was reloaded (the form re-renders with the new version).
              void message.warning(`${err.message}（已载入最新内容）`);
              return;
            }
            throw err;
          }
          void message.success('已保存');
          navigate(detail, { replace: true });
        }}
      />
    </PageContainer>
  );
}
