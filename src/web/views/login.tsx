/** Login: name and password → a session token, kept for the browser tab (sessionStorage). */
import { type FormEvent, useState } from 'react';
import { ApiError, api, session } from '../api';
import type { SessionUser } from '../session';

export function LoginView({ onLogin }: { onLogin: (user: SessionUser) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<{ token: string; user: SessionUser }>('POST', '/login', {
        body: { name, password },
      });
      session.set(answer.token);
      onLogin(answer.user);
    } catch (failure) {
      setError(
        failure instanceof ApiError
          ? failure.status === 429
            ? 'Too many failed logins: wait a minute and try again.'
            : failure.message
          : 'The server could not be reached.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" data-view="login">
      <h1>Guarantor</h1>
      <p>Log in with the name and password your host gave you.</p>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          Name
          <input
            name="name"
            autoComplete="username"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <button type="submit" disabled={busy}>
          Log in
        </button>
        {error === undefined ? null : (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
