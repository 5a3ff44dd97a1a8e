// 我要举报: the public's report form, no account, built for a phone. The township comes from the
// poster's QR code (?township=) or is picked; photos (up to 9, shrunk before sending) or one short
// video; anonymous unless the reporter leaves a name and phone. On success the tracking code is
// shown until the reporter confirms it is saved (ReceiptView).
import { AimOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TPublicReportReceipt } from '../../../contract/tips.ts';
import { formErrorMessage } from '../../components/form-errors.ts';
import { COMPRESS_ABOVE_BYTES, PHOTO_TYPES, compressPhoto, formatBytes } from '../../lib/upload.ts';
import { useSubmitReport, useTownships } from './api.ts';
import { PublicFrame } from './public-frame.tsx';
import { ReceiptView } from './receipt-view.tsx';

const MAX_PHOTOS = 9;
const VIDEO_TYPES = ['video/mp4', 'video/quicktime'];
const MAX_FILE_BYTES = 20 * 1024 * 1024;

interface Values {
  townshipId?: string;
  villageId?: string;
  description?: string;
  place?: string;
  enterpriseName?: string;
  anonymous: 'true' | 'false';
  reporterName?: string;
  reporterPhone?: string;
}

function FilePicker({ files, onChange }: { files: File[]; onChange: (f: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const urls = useMemo(() => files.map((f) => (f.type.startsWith('image/') ? URL.createObjectURL(f) : null)), [files]);
  useEffect(() => () => urls.forEach((u) => u && URL.revokeObjectURL(u)), [urls]);
  const hasVideo = files.some((f) => VIDEO_TYPES.includes(f.type));
  const add = async (picked: FileList | null) => {
    setProblem(null);
    const next = [...files];
    for (const f of Array.from(picked ?? [])) {
      const video = VIDEO_TYPES.includes(f.type);
      if (!video && !(PHOTO_TYPES as readonly string[]).includes(f.type)) { setProblem(`「${f.name}」不是照片或 MP4/MOV 视频`); continue; }
      if (video ? next.length > 0 : next.some((x) => VIDEO_TYPES.includes(x.type))) { setProblem('可上传最多9张照片，或1段短视频（二选一）'); continue; }
      if (!video && next.length >= MAX_PHOTOS) { setProblem(`照片最多${MAX_PHOTOS}张`); break; }
      const file = !video && f.size > COMPRESS_ABOVE_BYTES ? await compressPhoto(f) : f;
      if (file.size > MAX_FILE_BYTES) { setProblem(`「${f.name}」有 ${formatBytes(file.size)}，超过 20 MB，请截取较短的视频`); continue; }
      next.push(file);
    }
    onChange(next);
    if (input.current) input.current.value = '';
  };
  return (
    <>
      <div className="public-files" data-testid="public-files">
        {files.map((f, i) => (
          <div key={`${f.name}-${i}`} className="public-file">
            {urls[i] ? <img src={urls[i]!} alt={f.name} /> : <span>视频<br />{formatBytes(f.size)}</span>}
            <Button size="small" type="text" icon={<CloseOutlined />} aria-label={`移除${f.name}`} onClick={() => onChange(files.filter((_, j) => j !== i))} />
          </div>
        ))}
        {!hasVideo && files.length < MAX_PHOTOS && (
          <Button style={{ width: 72, height: 72 }} icon={<PlusOutlined />} onClick={() => input.current?.click()} data-testid="public-add-file">添加</Button>
        )}
      </div>
      <input ref={input} type="file" style={{ display: 'none' }} multiple accept="image/jpeg,image/png,image/webp,video/mp4,video/quicktime" onChange={(e) => void add(e.target.files)} data-testid="public-file-input" />
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
    </>
  );
}

export function ReportPage() {
  const [search] = useSearchParams();
  const townships = useTownships();
  const submit = useSubmitReport();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<File[]>([]);
  const [where, setWhere] = useState<{ latitude: number; longitude: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [receipt, setReceipt] = useState<TPublicReportReceipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const townshipId = Form.useWatch('townshipId', form);
  const anonymous = Form.useWatch('anonymous', form) ?? 'true';
  const preset = search.get('township') ?? undefined;
  const known = townships.data?.items.find((t) => t.id === preset);
  const villages = townships.data?.items.find((t) => t.id === townshipId)?.villages ?? [];
  // The poster's township, once the list has arrived (initial values are read only at the first render).
  useEffect(() => {
    if (known && !form.getFieldValue('townshipId')) form.setFieldValue('townshipId', known.id);
  }, [known, form]);

  if (receipt) return <PublicFrame title="举报已提交" here="form"><ReceiptView receipt={receipt} /></PublicFrame>;

  const locate = () => {
    if (!navigator.geolocation) return;
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => { setWhere({ latitude: p.coords.latitude, longitude: p.coords.longitude }); setLocating(false); },
      () => setLocating(false),
      { timeout: 10_000 },
    );
  };

  const onFinish = async (v: Values) => {
    const body = new FormData();
    for (const [k, value] of Object.entries(v)) if (value !== undefined && value !== null && value !== '') body.set(k, String(value));
    if (v.anonymous === 'true') { body.delete('reporterName'); body.delete('reporterPhone'); }
    if (where) { body.set('latitude', String(where.latitude)); body.set('longitude', String(where.longitude)); }
    for (const f of files) body.append('files', f, f.name);
    setError(null);
    try {
      setReceipt(await submit.mutateAsync(body));
      window.scrollTo(0, 0);
    } catch (e) {
      setError(formErrorMessage(form, e));
    }
  };

  return (
    <PublicFrame title="安全生产有奖举报" here="form">
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        发现事故隐患或安全生产违法行为，可在此举报，无需注册。提交后会得到一个查询码，凭码查看办理进展；经核查属实的，按规定给予奖励。
      </Typography.Paragraph>
      <Card size="small">
        <Form<Values> form={form} layout="vertical" initialValues={{ anonymous: 'true' }} onFinish={(v) => void onFinish(v)} requiredMark="optional" data-testid="public-report-form">
          <Form.Item name="townshipId" label="所在镇街" rules={[{ required: true, message: '请选择镇街' }]}>
            <Select aria-label="所在镇街" showSearch optionFilterProp="label" loading={townships.isPending} placeholder="请选择" data-testid="public-township"
              onChange={() => form.setFieldValue('villageId', undefined)}
              options={townships.data?.items.map((t) => ({ value: t.id, label: townships.data!.items.filter((x) => x.name === t.name).length > 1 ? `${t.districtName} ${t.name}` : t.name }))} />
          </Form.Item>
          <Form.Item name="villageId" label="村/社区（知道的话）">
            <Select aria-label="村/社区" allowClear showSearch optionFilterProp="label" placeholder="可不选" disabled={!villages.length} options={villages.map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="description" label="隐患情况" rules={[{ required: true, message: '请描述隐患情况' }, { min: 10, message: '请描述隐患情况（至少10个字）' }]}>
            <Input.TextArea rows={5} maxLength={2000} showCount placeholder="看到了什么问题：如消防通道堵塞、无证电焊、违规存放危险品等" data-testid="public-description" />
          </Form.Item>
          <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]} extra={where ? `已附上位置（${where.latitude.toFixed(5)}, ${where.longitude.toFixed(5)}）` : undefined}>
            <Input maxLength={200} placeholder="路名门牌、厂名或明显的地标" data-testid="public-place"
              suffix={<Button size="small" type="link" icon={<AimOutlined />} loading={locating} onClick={locate} aria-label="附上当前位置">定位</Button>} />
          </Form.Item>
          <Form.Item name="enterpriseName" label="涉及单位（知道的话）">
            <Input maxLength={100} placeholder="企业或店铺名称，可不填" />
          </Form.Item>
          <Form.Item label="照片或短视频" extra="最多9张照片，或1段短视频（MP4/MOV，20 MB 以内）">
            <FilePicker files={files} onChange={setFiles} />
          </Form.Item>
          <Form.Item name="anonymous" label="举报方式">
            <Radio.Group data-testid="public-anonymous">
              <Radio value="true">匿名举报（凭查询码查询和领奖）</Radio>
              <Radio value="false">实名举报（留姓名和电话，便于核实和联系领奖）</Radio>
            </Radio.Group>
          </Form.Item>
          {anonymous === 'false' && (
            <>
              <Form.Item name="reporterName" label="姓名" rules={[{ required: true, message: '实名举报请填写姓名' }]}><Input maxLength={32} /></Form.Item>
              <Form.Item name="reporterPhone" label="联系电话" rules={[{ required: true, message: '实名举报请留联系电话' }]} extra="仅核查和发放奖励的工作人员可见">
                <Input maxLength={20} inputMode="tel" />
              </Form.Item>
            </>
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="public-submit-error" />}
          <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending} data-testid="public-submit">
            {submit.isPending ? '正在进行安全验证并提交…' : '提交举报'}
          </Button>
        </Form>
      </Card>
    </PublicFrame>
  );
}
