// 登记/修改宣传/曝光: what (专题栏目, 曝光, 宣传报道), where (channel, whether mainstream, the outlet),
// when (a column may run a period), the title and link, the enterprises an exposure names, and
// screenshots or scans. One column on a phone: the office records a piece the day it airs.
import { App, Button, Card, DatePicker, Flex, Form, Input, Radio, Select, Skeleton } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TStoredFile } from '../../../contract/files.ts';
import {
  PUBLICITY_CHANNELS, PUBLICITY_CHANNEL_LABELS, PUBLICITY_KINDS, PUBLICITY_KIND_LABELS, type PublicityChannel, type PublicityKind, PublicityCreate,
} from '../../../contract/publicity.ts';
import { defaultMainstream } from '../../../domain/publicity/publicity.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { FileUploader } from '../../components/file-uploader.tsx';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../components/form-errors.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { dayjs } from '../../lib/format.ts';
import { usePublicity, useSavePublicity } from './api/publicity.ts';
import { EnterprisesSelect } from './components/enterprises-select.tsx';

interface Values {
  kind?: PublicityKind; channel?: PublicityChannel; mainstream?: boolean; outlet?: string; publishedOn?: Dayjs | null; endsOn?: Dayjs | null;
  title?: string; link?: string; enterpriseIds?: string[]; summary?: string; files?: TStoredFile[];
}

const TITLE_HINT: Record<PublicityKind, string> = {
  media_column: '如：《安全生产大家谈》专题栏目',
  exposure: '如：曝光一批重大事故隐患未按期整改的企业',
  report: '如：我镇开展燃气安全专项检查',
};

export function PublicityFormPage() {
  const { id } = useParams();
  const existing = usePublicity(id);
  const save = useSavePublicity();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'media_column';
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  // the channel proposes 主流媒体 until the recorder answers it
  const [mainstreamTouched, setMainstreamTouched] = useState(false);
  const r = existing.data;

  useEffect(() => {
    if (!r) return;
    setMainstreamTouched(true);
    form.setFieldsValue({
      kind: r.kind, channel: r.channel, mainstream: r.mainstream, outlet: r.outlet ?? '', publishedOn: dayjs(r.publishedOn), endsOn: r.endsOn ? dayjs(r.endsOn) : null,
      title: r.title, link: r.link ?? '', enterpriseIds: r.enterprises.map((e) => e.id), summary: r.summary ?? '', files: r.files,
    });
  }, [r, form]);

  const onFinish = (v: Values) => {
    const k = v.kind ?? 'media_column';
    const body = {
      kind: k, channel: v.channel, mainstream: v.mainstream, outlet: v.outlet || null,
      publishedOn: v.publishedOn ? v.publishedOn.format('YYYY-MM-DD') : '',
      endsOn: k === 'media_column' && v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null,
      title: v.title ?? '', link: v.link?.trim() || null, enterpriseIds: k === 'exposure' ? (v.enterpriseIds ?? []) : [], summary: v.summary || null,
      fileIds: (v.files ?? []).map((f) => f.id),
    };
    const checked = parseWithSchema(form, PublicityCreate, body);
    if (!checked.ok) {
      if (checked.unmatched.length) void message.error(checked.unmatched.join('；'));
      return;
    }
    save.mutate({ id, body: id ? { ...checked.data, version: r?.version ?? 0 } : checked.data }, {
      onSuccess: (rec) => {
        void message.success(id ? '已保存' : '已登记');
        navigate(paths.publicity.detail(rec.id), { replace: true });
      },
      onError: (e) => {
        const msg = formErrorMessage(form, e);
        if (msg) void message.error(msg);
      },
    });
  };

  const backTo = id ? paths.publicity.detail(id) : paths.publicity.list;
  const title = id ? '修改宣传/曝光记录' : '登记宣传/曝光';
  if (id && existing.isError) return <PageContainer title={title} backTo={backTo}><ErrorDisplay error={existing.error} backTo={paths.publicity.list} /></PageContainer>;

  return (
    <PageContainer title={title} backTo={backTo}>
      <Card size="small" style={{ maxWidth: 760 }}>
        {id && !r ? <Skeleton active /> : (
          <Form<Values> form={form} layout="vertical" onFinish={onFinish}
            onValuesChange={(c: Values) => {
              clearErrorsOnChange(form)(c as Record<string, unknown>);
              if ('mainstream' in c) setMainstreamTouched(true);
              if (c.channel && !mainstreamTouched) form.setFieldValue('mainstream', defaultMainstream(c.channel));
            }}
            initialValues={{ kind: 'media_column', channel: 'tv', mainstream: true, publishedOn: dayjs(), endsOn: null, enterpriseIds: [], files: [] }}>
            <Form.Item name="kind" label="类型" required>
              <Radio.Group optionType="button" buttonStyle="solid" options={PUBLICITY_KINDS.map((k) => ({ value: k, label: PUBLICITY_KIND_LABELS[k] }))} data-testid="publicity-kind" />
            </Form.Item>
            <Flex gap={8} wrap>
              <Form.Item name="channel" label="播出/刊发渠道" required style={{ flex: '1 1 160px' }}>
                <Select options={PUBLICITY_CHANNELS.map((c) => ({ value: c, label: PUBLICITY_CHANNEL_LABELS[c] }))} aria-label="播出/刊发渠道" data-testid="publicity-channel" />
              </Form.Item>
              <Form.Item name="mainstream" label="是否主流媒体" required style={{ flex: '1 1 160px' }} extra="电视台、广播电台、报纸和融媒体中心的网站、公众号为主流媒体">
                <Radio.Group optionType="button" options={[{ value: true, label: '是' }, { value: false, label: '否' }]} data-testid="publicity-mainstream" />
              </Form.Item>
            </Flex>
            <Form.Item name="outlet" label="媒体名称">
              <Input maxLength={50} placeholder="如：区融媒体中心、某某日报" data-testid="publicity-outlet" />
            </Form.Item>
            <Flex gap={8} wrap>
              <Form.Item name="publishedOn" label={kind === 'media_column' ? '开播/开栏日期' : '播出/刊发日期'} required style={{ flex: '1 1 160px' }}>
                <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="publicity-publishedOn" />
              </Form.Item>
              {kind === 'media_column' && (
                <Form.Item name="endsOn" label="结束日期" style={{ flex: '1 1 160px' }} extra="持续播出的栏目可不填">
                  <DatePicker style={{ width: '100%' }} inputReadOnly allowClear data-testid="publicity-endsOn" />
                </Form.Item>
              )}
            </Flex>
            <Form.Item name="title" label="标题" required>
              <Input maxLength={200} placeholder={TITLE_HINT[kind]} data-testid="publicity-title" />
            </Form.Item>
            <Form.Item name="link" label="链接" extra="网页、公众号文章或视频的地址（以 http:// 或 https:// 开头）">
              <Input maxLength={500} inputMode="url" placeholder="https://" data-testid="publicity-link-input" />
            </Form.Item>
            {kind === 'exposure' && (
              <Form.Item name="enterpriseIds" label="被曝光单位" required>
                <EnterprisesSelect current={r?.enterprises ?? []} />
              </Form.Item>
            )}
            <Form.Item name="summary" label="内容摘要">
              <Input.TextArea rows={3} maxLength={2000} placeholder="播出内容、曝光的问题" data-testid="publicity-summary" />
            </Form.Item>
            <Form.Item name="files" label="截图、版面或视频截图" valuePropName="value">
              <FileUploader purpose="evidence" kind="document" max={20} onBusyChange={setUploading} inputTestId="publicity-files" buttonText="拍照或上传" />
            </Form.Item>
            <Flex gap={8} justify="flex-end">
              <Link to={backTo}><Button>取消</Button></Link>
              <Button type="primary" htmlType="submit" loading={save.isPending} disabled={uploading} data-testid="publicity-submit">保存</Button>
            </Flex>
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
