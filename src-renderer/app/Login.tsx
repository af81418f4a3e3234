// The workstation login (SPEC 8): shown once users exist and nobody is logged in.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client';
import { queryClient } from '../api/queries';
import { Banner, FormScopeProvider, TextField } from '../components/fields';
import { refusalOf, useRefusal } from '../components/refusal';
import { StartFrame } from './StartFrame';

export function Login() {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const { refusal, setRefusal, clear } = useRefusal();

  const login = async () => {
    if (busy) return;
    setBusy(true);
    clear();
    try {
      await invoke('auth.login', { username: username.trim(), pin });
      // Everything read before belonged to nobody: read it again as this user.
      await queryClient.invalidateQueries();
    } catch (error) {
      setRefusal(refusalOf(error, (path) => (path === 'username' || path === 'pin' ? path : null)));
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <StartFrame testId="login">
      <section className="panel login-panel">
        <h1>{t('login.title')}</h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void login();
          }}
        >
          <Banner error={refusal.general} testId="login-error" />
          <FormScopeProvider prefix="login" errors={refusal.fields}>
            <div className="form-grid cols-1">
              <TextField name="username" label={t('login.username')} value={username} autoFocus onChange={setUsername} />
              <PinField value={pin} onChange={setPin} label={t('login.pin')} />
            </div>
          </FormScopeProvider>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
              {t('login.submit')}
            </button>
          </div>
        </form>
      </section>
    </StartFrame>
  );
}

function PinField(props: { value: string; onChange: (v: string) => void; label: string }) {
  // A PIN is typed, not shown; the refusal of a wrong PIN is placed here.
  return (
    <TextField name="pin" label={props.label} value={props.value} inputMode="numeric" maxLength={8} secret onChange={props.onChange} />
  );
}
