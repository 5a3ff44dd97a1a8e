// Photos and files that upload as soon as they are chosen (POST /api/files), shown as
// thumbnails with remove. The form keeps only the stored files; a failed upload stays in
// the list with its reason and a retry, and nothing else on the form is lost.
import { CameraOutlined, CloseOutlined, FilePdfOutlined, PaperClipOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Spin, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { TStoredFile } from '../../contract/files.ts';
import { errorMessage } from '../lib/api.ts';
import { DOCUMENT_TYPES, type FilePurpose, PHOTO_TYPES, uploadFile, uploadProblem } from '../lib/upload.ts';

interface PendingItem {
  key: string;
  file: File;
  previewUrl: string | null;
  status: 'uploading' | 'error';
  error?: string;
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

  const start = (item: PendingItem) => {
    uploadFile(item.file, purpose)
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
        setPending((list) => list.map((p) => (p.key === item.key ? { ...p, status: 'error', error: reason } : p)));
      });
  };

  const onFiles = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const room = max - valueRef.current.length - pending.length;
    const chosen = Array.from(files);
    if (chosen.length > room) void message.warning(`最多上传${max}个文件，多出的未上传`);
    const items: PendingItem[] = [];
    for (const file of chosen.slice(0, Math.max(0, room))) {
      const problem = uploadProblem(file, allowed);
      if (problem) {
        void message.error(problem);
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
                    <span>上传失败</span>
                    <Flex gap={4}>
                      <Button size="small" icon={<ReloadOutlined />} onClick={() => retry(p)} aria-label="重试" />
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
      {pending.some((p) => p.status === 'error') && (
        <Typography.Text type="danger" className="uploader-hint">
          有文件上传失败：点 <ReloadOutlined /> 重试或 <CloseOutlined /> 移除；已填写的内容不会丢失。
        </Typography.Text>
      )}
      {busy && <Typography.Text type="secondary" className="uploader-hint">正在上传，完成后才能提交…</Typography.Text>}
    </div>
  );
}
