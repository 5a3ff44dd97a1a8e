import { App } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../app/paths.ts';
import { enterpriseListUrl } from './components/last-list-url.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useCurrentUser } from '../../lib/auth.ts';
import { useCreateEnterprise } from './api/create-enterprise.ts';
import { EnterpriseForm } from './components/enterprise-form.tsx';

export function EnterpriseCreatePage() {
  const navigate = useNavigate();
  const me = useCurrentUser();
  const create = useCreateEnterprise();
  const { message } = App.useApp();
  // A village's own users add enterprises of their village.
  const defaults = useMemo(() => (me.unit.kind === 'village' ? { villageId: me.unit.id } : undefined), [me]);

  return (
    <PageContainer title="新增生产经营单位" backTo={enterpriseListUrl()}>
      <EnterpriseForm
        defaults={defaults}
        submitText="保存"
        onCancel={() => navigate(enterpriseListUrl())}
        onSubmit={async (data) => {
          const e = await create.mutateAsync(data);
          void message.success('已新增');
          navigate(paths.enterprises.detail(e.id), { replace: true });
        }}
      />
    </PageContainer>
  );
}
