// The login page: everyone's first page. Built from plain elements and its own CSS (auth.css)
// rather than antd, whose code and run-time styles would come first otherwise; it looks like
// antd's large vertical form, and the contract's LoginRequest still validates it. It is also
// rendered to HTML at build time (prerender.tsx) and hydrated: its inputs are uncontrolled, so
// what is typed before the scripts have run is kept, and the button waits for them. antd and the
// signed-in pages load once the user starts typing (prefetchNext).
import { CloseCircleFilled, ExclamationCircleFilled, EyeInvisibleOutlined, EyeOutlined, LoadingOutlined, LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { type FormEvent, type ReactNode, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginRequest, type TLoginSuccess } from '../../../contract/auth.ts';
import { type FieldErrors, zodFieldErrors } from '../../components/form-errors.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { safeRedirect, takeLoginNotice, useMe } from '../../lib/auth.ts';
import { paths } from '../../app/paths.ts';
import { type LoginInput, useLogin, useLoginTotp } from './api/login.ts';
import { AuthCard } from './auth-card.tsx';
import { failedAttemptsNotice, keepFailedAttemptsNotice } from './failed-attempts.ts';

export interface LoginPageProps {
  /**
   * Starts downloading the code of the pages after signing in: called when the user starts typing
   * and again on submit, so that it overlaps the typing and the sign-in request.
   */
  prefetchNext?: () => void;
}

const noSubscription = () => () => {};
/**
 * False while React takes over the build-time HTML of this page (and on the server), true once
 * the page runs: until then a click on the button would submit the bare HTML form.
 */
const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);

interface FieldProps {
  name: keyof LoginInput | 'code';
  label: string;
  icon: ReactNode;
  error: string | undefined;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

function Field({ name, label, icon, error, children }: FieldProps) {
  const id = `login-${name}`;
  return (
    <div className="login-field">
      <label htmlFor={id}>{label}</label>
      <span className={`login-input${error ? ' invalid' : ''}`}>
        <span className="login-input-icon">{icon}</span>
        {children({ id, 'aria-invalid': !!error, 'aria-describedby': error ? `${id}-error` : undefined })}
      </span>
      {error && <div id={`${id}-error`} className="login-field-error" role="alert">{error}</div>}
    </div>
  );
}

export function LoginPage({ prefetchNext }: LoginPageProps) {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const loginTotp = useLoginTotp();
  /** The password was right and the account has TOTP on: the code is asked next. */
  const [pending, setPending] = useState<{ token: string } | null>(null);
  const hydrated = useHydrated();
  const [notice] = useState(takeLoginNotice);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const prefetched = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const redirect = safeRedirect(searchParams.get('redirect'));

  // The username field takes the focus, unless the user is already in a field (typing into the
  // build-time HTML before the scripts ran). Not autoFocus, which would pull the focus back.
  useEffect(() => {
    if (document.activeElement === document.body) formRef.current?.querySelector('input')?.focus();
  }, []);

  // The form shows at once, while /api/auth/me is on its way: who opens the login page is nearly
  // always signed out, and one who turns out to be signed in is sent on as soon as it answers.
  // After signing in here, onSuccess navigates, and the form stays on screen (its button spinning)
  // until the next page's code has arrived: no blank page meanwhile.
  if (me.data && login.isIdle && loginTotp.isIdle) return <Navigate to={redirect} replace />;

  const prefetch = () => {
    if (prefetched.current) return;
    prefetched.current = true;
    prefetchNext?.();
  };
  const edited = (name: keyof LoginInput) => () => {
    prefetch();
    if (fieldErrors[name]) setFieldErrors(({ [name]: _cleared, ...rest }) => rest);
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    const form = e.currentTarget;
    const data = new FormData(form);
    const check = LoginRequest.safeParse({ username: data.get('username') ?? '', password: data.get('password') ?? '' });
    if (!check.success) {
      setFieldErrors(zodFieldErrors(check.error));
      return;
    }
    setFieldErrors({});
    prefetch();
    login.mutate(check.data, {
      onSuccess: (res) => {
        if ('totpRequired' in res) {
          setPending({ token: res.pendingToken });
          return;
        }
        signedIn(res);
      },
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'VALIDATION' && err.fieldErrors) setFieldErrors(err.fieldErrors);
        else setError(errorMessage(err));
        const password = form.elements.namedItem('password');
        if (password instanceof HTMLInputElement) password.value = '';
      },
    });
  };

  const signedIn = (res: TLoginSuccess) => {
    // Shown by the signed-in frame (antd is not on this page), and it stays until closed.
    if (res.failedAttempts) keepFailedAttemptsNotice(failedAttemptsNotice(res.failedAttempts));
    navigate(res.user.mustChangePassword ? paths.changePassword : res.user.mustEnrollTotp ? paths.enrollTotp : redirect, { replace: true });
  };

  const onSubmitCode = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!pending) return;
    setError(null);
    const form = e.currentTarget;
    const code = String(new FormData(form).get('code') ?? '').trim();
    if (!code) {
      setFieldErrors({ code: ['请输入验证码'] });
      return;
    }
    setFieldErrors({});
    loginTotp.mutate({ pendingToken: pending.token, code }, {
      onSuccess: signedIn,
      onError: (err) => {
        setError(errorMessage(err));
        // a token that ran out (or too many wrong codes): start again with the password
        if (err instanceof ApiError && err.code === 'UNAUTHENTICATED' && err.message.includes('重新输入')) setPending(null);
        const input = form.elements.namedItem('code');
        if (input instanceof HTMLInputElement) input.value = '';
      },
    });
  };

  const busy = login.isPending || (login.isSuccess && !pending) || loginTotp.isPending || loginTotp.isSuccess;
  const fieldError = (name: keyof LoginInput | 'code') => fieldErrors[name]?.[0];
  return (
    <AuthCard title="登录">
      {notice && !error && (
        <div className="login-alert warning" role="status">
          <ExclamationCircleFilled /> {notice}
        </div>
      )}
      {error && (
        <div className="login-alert error" role="alert" data-testid="login-error">
          <CloseCircleFilled /> {error}
        </div>
      )}
      {pending ? (
        <form className="login-form" onSubmit={onSubmitCode} noValidate data-testid="login-totp-form">
          <p className="login-hint">请打开手机上的身份验证器应用，输入显示的6位动态验证码；手机不在身边时可输入一个恢复码。</p>
          <Field name="code" label="动态验证码" icon={<SafetyOutlined />} error={fieldError('code')}>
            {(a11y) => (
              <input {...a11y} name="code" autoComplete="one-time-code" inputMode="numeric" maxLength={16} autoFocus data-testid="login-totp-code" />
            )}
          </Field>
          <button type="submit" className="login-submit" disabled={busy} aria-busy={busy} data-testid="login-totp-submit">
            {busy && <LoadingOutlined />}
            <span>验证并登录</span>
          </button>
          <button type="button" className="login-back" onClick={() => { setPending(null); setError(null); login.reset(); }}>
            返回重新输入密码
          </button>
        </form>
      ) : (
      <form ref={formRef} className="login-form" onSubmit={onSubmit} autoComplete="on" noValidate>
        <Field name="username" label="用户名" icon={<UserOutlined />} error={fieldError('username')}>
          {(a11y) => <input {...a11y} name="username" autoComplete="username" onInput={edited('username')} data-testid="login-username" />}
        </Field>
        <Field name="password" label="密码" icon={<LockOutlined />} error={fieldError('password')}>
          {(a11y) => (
            <>
              <input
                {...a11y}
                name="password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
                onInput={edited('password')}
                data-testid="login-password"
              />
              <button type="button" className="login-input-toggle" aria-label={showPassword ? '隐藏密码' : '显示密码'} onClick={() => setShowPassword((s) => !s)}>
                {showPassword ? <EyeOutlined /> : <EyeInvisibleOutlined />}
              </button>
            </>
          )}
        </Field>
        <button type="submit" className="login-submit" disabled={!hydrated || busy} aria-busy={busy} data-testid="login-submit">
          {busy && <LoadingOutlined />}
          <span>登录</span>
        </button>
      </form>
      )}
    </AuthCard>
  );
}
