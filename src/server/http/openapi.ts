// OpenAPI 3.1 generated from the contract's route definitions (zod → JSON Schema).
import { z } from 'zod';
import type { RouteDef } from '../../contract/route.ts';
import { ErrorEnvelope } from '../../contract/common.ts';

const toSchema = (s: z.ZodTypeAny, io: 'input' | 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

export function buildOpenApi(routes: Record<string, RouteDef>) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of Object.values(routes)) {
    const p = def.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', def.params], ['query', def.query]] as const) {
      if (!schema) continue;
      const js = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
      }
    }
    const ok =
      def.responseType === 'xlsx'
        ? { description: 'xlsx', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } }
        : def.responseType === 'event-stream'
          ? { description: 'server-sent events', content: { 'text/event-stream': {} } }
          : { description: 'OK', content: { 'application/json': { schema: def.response ? toSchema(def.response, 'output') : {} } } };
    (paths[p] ??= {})[def.method.toLowerCase()] = {
      summary: def.summary,
      tags: [def.tag],
      ...(def.public ? { security: [] } : {}),
      parameters,
      ...(def.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(def.body, 'input') } } } }
        : def.multipart
          ? { requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } } }
          : {}),
      responses: {
        200: ok,
        default: { description: '错误', content: { 'application/json': { schema: toSchema(ErrorEnvelope, 'output') } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: '安治 API', version: '0.1.0', description: '重大事故隐患专项排查整治系统接口。写操作须带 x-csrf-token 请求头。' },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'anzhi_sid' } } },
    security: [{ session: [] }],
    paths,
  };
}
