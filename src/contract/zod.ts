// One zod instance for server and web, with Chinese messages: the zh-CN locale,
// and a plain "必填" for a missing value instead of the locale's type-mismatch wording.
import { z } from 'zod';

z.config(z.locales.zhCN());
z.config({
  customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? '此项为必填' : undefined),
});

export { z };
