// Photos and files that upload as soon as they are chosen (POST /api/files), shown as
// thumbnails with remove. The form keeps only the stored files; a failed upload stays in
// the list with its reason and a retry, and nothing else on the form is lost.
import { CameraOutlined, CloseOutlined, FilePdfOutlined, PaperClipOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Spin, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { TStoredFile } from '../../contract/files.ts';
import { errorMessage } from '../lib/api.ts';
import { DOCUMENT_TYPES, type FilePurpose, PHOTO_TYPES, compressPhoto, formatBytes, mayRetryUpload, uploadFile, uploadPlan } from '../lib/upload.ts';
import { useUploadLimits } from '../reference-data/upload-limits.ts';

interface PendingItem {
  key: string;
  file: File;
  previewUrl: string | null;
  status: 'uploading' | 'error';
  error?: string;
  /** Whether trying again can succeed (a lost connection), not a file the server refused. */
  retryable?: boolean;
}

export interface FileUploaderProps {
  value?: TStoredFile[];
  onChange?: (files: TStoredFile[]) => void;
  /** Tells the form whether an upload is in flight (submit waits for it). */
  onBusyChange?: (busy: boolean) => void;
  purpose: FilePurpose;
  /** photo: camera first, images only; document: images or PDF. */
  kind?: 'photo' | 'document';
  max?: number;
  /** data-testid of the <input type="file">. */
  inputTestId: string;
  buttonText?: string;
  disabled?: boolean;
}

let seq = 0;

export function FileUploader({
  value, onChange, onBusyChange, purpose, kind = 'photo', max = 20, inputTestId, buttonText, disabled,
}: FileUploaderProps) {
  const { message } = App.useApp();
  const inputRef = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<PendingItem[]>([]);
  // Uploads finish one by one; each must add to the latest list, not to the one it started with.
  const valueRef = useRef<TStoredFile[]>(value ?? []);
  valueRef.current = value ?? [];
  const setValue = (next: TStoredFile[]) => {
    valueRef.current = next;
    onChange?.(next);
  };
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const busy = pending.some((p) => p.status === 'uploading');
  useEffect(() => onBusyChange?.(busy), [busy, onBusyChange]);
  // Hidden while an upload runs (e.g. 即查即改 switched off): the form must not wait for it.
  useEffect(() => () => onBusyChange?.(false), [onBusyChange]);
  // Free the local previews when the component goes away.
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  useEffect(() => () => pendingRef.current.forEach((p) => p.previewUrl && URL.revokeObjectURL(p.previewUrl)), []);

  const allowed = kind === 'photo' ? PHOTO_TYPES : DOCUMENT_TYPES;
  // Until the server has said, its default (20 MB): the server refuses a larger file anyway.
  const maxBytes = useUploadLimits().data?.maxBytes ?? 20 * 1024 * 1024;

  const start = (item: PendingItem) => {
    // A large photo is made smaller on the device first: less to send on a village's 4G.
    const prepared = uploadPlan(item.file, allowed, maxBytes).action === 'compress' ? compressPhoto(item.file) : Promise.resolve(item.file);
    prepared
      .then((file) => {
        if (file.size > maxBytes) throw new Error(`「${item.file.name}」压缩后仍有 ${formatBytes(file.size)}，超过 ${formatBytes(maxBytes)} 的上限`);
        return uploadFile(file, purpose);
      })
      .then((stored) => {
        if (!mounted.current) return;
        if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
        setPending((list) => list.filter((p) => p.key !== item.key));
        setValue([...valueRef.current, stored]);
      })
      .catch((e: unknown) => {
        if (!mounted.current) return;
        const reason = errorMessage(e);
        void message.error(`「${item.file.name}」上传失败：${reason}`);
        const retryable = mayRetryUpload(e);
        setPending((list) => list.map((p) => (p.key === item.key ? { ...p, status: 'error', error: reason, retryable } : p)));
      });
  };

  const onFiles = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const room = max - valueRef.current.length - pending.length;
    const chosen = Array.from(files);
    if (chosen.length > room) void message.warning(`最多上传${max}个文件，多出的未上传`);
    const items: PendingItem[] = [];
    for (const file of chosen.slice(0, Math.max(0, room))) {
      const plan = uploadPlan(file, allowed, maxBytes);
      if (plan.action === 'refuse') {
        // Refused here, before a byte is sent, with the reason.
        void message.error(plan.reason);
        continue;
      }
      const isImage = file.type.startsWith('image/');
      items.push({ key: `u${++seq}`, file, previewUrl: isImage ? URL.createObjectURL(file) : null, status: 'uploading' });
    }
    if (items.length === 0) return;
    setPending((list) => [...list, ...items]);
    items.forEach(start);
  };

  const retry = (item: PendingItem) => {
    const again: PendingItem = { ...item, status: 'uploading', error: undefined };
    setPending((list) => list.map((p) => (p.key === item.key ? again : p)));
    start(again);
  };
  const dropPending = (item: PendingItem) => {
    if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    setPending((list) => list.filter((p) => p.key !== item.key));
  };
  const remove = (id: string) => setValue(valueRef.current.filter((f) => f.id !== id));

  const files = value ?? [];
  const full = files.length + pending.length >= max;

  return (
    <div className="uploader">
      <Image.PreviewGroup>
        <Flex wrap gap={8}>
          {files.map((f) => (
            <div key={f.id} className="thumb" data-testid={`${inputTestId}-file`}>
              {f.kind === 'photo' ? (
                <Image src={f.url} alt={f.originalName} width={88} height={88} style={{ objectFit: 'cover' }} />
              ) : (
                <a href={f.url} target="_blank" rel="noreferrer" className="thumb-doc" title={f.originalName}>
                  {f.mime === 'application/pdf' ? <FilePdfOutlined /> : <PaperClipOutlined />}
                  <span className="thumb-doc-name">{f.originalName}</span>
                </a>
              )}
              {!disabled && (
                <button type="button" className="thumb-remove" aria-label={`删除${f.originalName}`} onClick={() => remove(f.id)}>
                  <CloseOutlined />
                </button>
              )}
            </div>
          ))}
          {pending.map((p) => (
            <div key={p.key} className={`thumb ${p.status === 'error' ? 'thumb-error' : ''}`} data-testid={`${inputTestId}-pending`}>
              {p.previewUrl ? (
                <img src={p.previewUrl} alt={p.file.name} className="thumb-img" />
              ) : (
                <div className="thumb-doc"><PaperClipOutlined /><span className="thumb-doc-name">{p.file.name}</span></div>
              )}
              {p.status === 'uploading' ? (
                <div className="thumb-overlay"><Spin size="small" /><span>上传中</span></div>
              ) : (
                <Tooltip title={p.error}>
                  <div className="thumb-overlay thumb-overlay-error">
                    <WarningOutlined />
                    <span>{p.retryable ? '上传失败' : '未能上传'}</span>
                    <Flex gap={4}>
                      {/* Only where trying again can work: a refused file stays refused. */}
                      {p.retryable && <Button size="small" icon={<ReloadOutlined />} onClick={() => retry(p)} aria-label="重试" />}
                      <Button size="small" icon={<CloseOutlined />} onClick={() => dropPending(p)} aria-label="移除" />
                    </Flex>
                  </div>
                </Tooltip>
              )}
            </div>
          ))}
          {!full && !disabled && (
            <button type="button" className="thumb thumb-add" onClick={() => inputRef.current?.click()} data-testid={`${inputTestId}-button`}>
              {kind === 'photo' ? <CameraOutlined /> : <PaperClipOutlined />}
              <span>{buttonText ?? (kind === 'photo' ? '拍照/选图' : '上传文件')}</span>
            </button>
          )}
        </Flex>
      </Image.PreviewGroup>
      <input
        ref={inputRef}
        type="file"
        // The exact types, not image/*: an iPhone then converts HEIC photos to JPEG (the server refuses HEIC).
        accept={allowed.join(',')}
        capture={kind === 'photo' ? 'environment' : undefined}
        multiple
        style={{ display: 'none' }}
        onChange={(e) => {
          onFiles(e.target.files);
          e.target.value = ''; // the same photo may be chosen again after a removal
        }}
        data-testid={inputTestId}
      />
      {pending.filter((p) => p.status === 'error').map((p) => (
        <Typography.Text key={p.key} type="danger" className="uploader-hint" data-testid={`${inputTestId}-error`}>
          「{p.file.name}」{p.retryable ? '上传失败' : '未能上传'}：{p.error}{p.retryable ? '。点 重试 再试一次，或移除' : '。请移除后换一个文件'}；已填写的内容不会丢失。
        </Typography.Text>
      ))}
      {!disabled && !full && (
        <Typography.Text className="uploader-hint workbench-subtitle" data-testid={`${inputTestId}-limits`}>
          {kind === 'photo' ? 'JPG、PNG 或 WebP 照片' : 'JPG、PNG、WebP 图片或 PDF 文件'}，每个不超过 {formatBytes(maxBytes)}，最多 {max} 个{kind === 'photo' ? '；较大的照片会先在手机上压缩再上传' : ''}
        </Typography.Text>
      )}
      {busy && <Typography.Text type="secondary" className="uploader-hint">正在上传，完成后才能提交…</Typography.Text>}
    </div>
  );
}
