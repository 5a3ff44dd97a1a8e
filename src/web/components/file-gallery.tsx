// Stored photos (thumbnails with preview), videos (a player) and documents (links) of a record, read-only.
import { FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Flex, Image, Typography } from 'antd';
import type { TStoredFile } from '../../contract/files.ts';

export function FileGallery({ files, empty = '无', size = 104 }: { files: TStoredFile[]; empty?: string; size?: number }) {
  if (files.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  const photos = files.filter((f) => f.kind === 'photo');
  const videos = files.filter((f) => f.kind === 'video');
  const docs = files.filter((f) => f.kind === 'document');
  return (
    <Flex vertical gap={8}>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {photos.map((f) => (
              <Image key={f.id} src={f.url} alt={f.originalName} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 4 }} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {videos.map((f) => (
        <video key={f.id} src={f.url} controls preload="metadata" style={{ maxWidth: '100%', maxHeight: 360, borderRadius: 4 }} aria-label={f.originalName} />
      ))}
      {docs.map((f) => (
        <a key={f.id} href={f.url} target="_blank" rel="noreferrer">
          {f.mime === 'application/pdf' ? <FilePdfOutlined /> : <PaperClipOutlined />} {f.originalName}
        </a>
      ))}
    </Flex>
  );
}
