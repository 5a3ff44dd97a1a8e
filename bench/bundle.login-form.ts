// The yardstick of bench/bundle.ts: the login page's form as one plain HTML page (no script), with
// the same texts, fields and test ids as the app's login page (src/web/features/auth/login-page.tsx)
// and roughly its look. What the app's first render is compared against: how fast the same form can
// appear at all from this server.
export const STATIC_LOGIN_PATH = '/__bench/static-login';

export const STATIC_LOGIN_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>安治 · 安全生产隐患排查整治</title>
<style>
  html, body { margin: 0; min-height: 100%; }
  body {
    font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei',
      'Noto Sans CJK SC', 'Noto Sans SC', sans-serif;
    background: #f5f6f8; color: rgba(0, 0, 0, 0.88); font-size: 14px;
  }
  .page { min-height: 100vh; padding: 24px 16px; box-sizing: border-box; display: flex; align-items: center;
    justify-content: center; background: linear-gradient(160deg, #e8f0fc 0%, #f5f6f8 60%); }
  .box { width: 100%; max-width: 400px; }
  .brand { display: flex; flex-direction: column; align-items: center; gap: 4px; margin-bottom: 20px; }
  .mark { display: inline-flex; align-items: center; justify-content: center; width: 48px; height: 48px;
    border-radius: 10px; background: linear-gradient(135deg, #1f5fbf, #13a8a8); color: #fff; font-weight: 700; font-size: 26px; }
  h3 { margin: 8px 0 0; font-size: 24px; font-weight: 600; }
  .muted { color: rgba(0, 0, 0, 0.45); }
  .card { background: #fff; border: 1px solid #f0f0f0; border-radius: 6px; }
  .card-title { padding: 16px 24px; border-bottom: 1px solid #f0f0f0; font-size: 16px; font-weight: 600; }
  form { padding: 24px; }
  label { display: block; padding-bottom: 8px; }
  input { display: block; width: 100%; box-sizing: border-box; height: 40px; padding: 7px 11px; margin-bottom: 24px;
    font-size: 16px; border: 1px solid #d9d9d9; border-radius: 6px; }
  button { width: 100%; height: 40px; border: 0; border-radius: 6px; background: #1f5fbf; color: #fff; font-size: 16px; }
</style>
</head>
<body>
<div class="page">
  <div class="box">
    <div class="brand">
      <span class="mark">安</span>
      <h3>安治</h3>
      <span class="muted">安全生产隐患排查整治工作平台</span>
    </div>
    <div class="card">
      <div class="card-title">登录</div>
      <form method="post" action="#" autocomplete="on">
        <label for="u">用户名</label>
        <input id="u" name="username" autocomplete="username" autofocus data-testid="login-username" />
        <label for="p">密码</label>
        <input id="p" name="password" type="password" autocomplete="current-password" data-testid="login-password" />
        <button type="submit" data-testid="login-submit">登录</button>
      </form>
    </div>
  </div>
</div>
</body>
</html>
`;
