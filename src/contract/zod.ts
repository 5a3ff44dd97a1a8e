// One zod instance for server and web, with Chinese default messages.
import { z } from 'zod';

z.config(z.locales.zhCN());

export { z };
