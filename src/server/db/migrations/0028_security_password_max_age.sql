-- A district sets its own password expiry on its security settings (等保: 口令定期更换); null keeps
-- the server's PASSWORD_MAX_AGE_DAYS, 0 means passwords never expire.
ALTER TABLE "security_settings" ADD COLUMN "password_max_age_days" integer;
