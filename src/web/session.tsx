/**
 * Who is logged in and which plan is open, for every view: `useSession()` gives the user (name, role,
 * actor), the plan (plan-format data as the ledger holds it, with its version) and `reload()` after a
 * write. The plan is the URL's `?plan=ID`, else the first plan of the ledger.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, api, session } from './api';
import { useLocation } from './router';

export type Role = 'host' | 'delegate' | 'analyst';

export interface SessionUser {
  readonly name: string;
  readonly role: Role;
  /** The actor a delegate writes for. */
  readonly actor?: string;
}

/** The plan as written (plan format), loosely typed: views read the fields they show. */
export type PlanData = Readonly<Record<string, unknown>> & {
  readonly title?: string;
  readonly actors?: readonly Readonly<Record<string, unknown>>[];
  readonly capabilities?: readonly Readonly<Record<string, unknown>>[];
  readonly pledges?: readonly Readonly<Record<string, unknown>>[];
  readonly scenarios?: readonly Readonly<Record<string, unknown>>[];
  readonly variants?: readonly Readonly<Record<string, unknown>>[];
};

export interface OpenPlan {
  readonly id: string;
  readonly version: number;
  readonly plan: PlanData;
}

export interface PlanSummary {
  readonly id: string;
  readonly title: string;
  readonly version: number;
}

export interface Session {
  readonly user: SessionUser;
  readonly plans: readonly PlanSummary[];
  /** Undefined while loading, or when the ledger has no plan. */
  readonly plan: OpenPlan | undefined;
  /** Reads the plan again (after a write, or a 409). */
  readonly reload: () => Promise<void>;
  readonly logout: () => Promise<void>;
  /** Whether the user may write this pledge's actor (host: all; delegate: its own; analyst: none). */
  readonly mayEdit: (actor: unknown) => boolean;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (value === undefined) throw new Error('useSession outside <SessionProvider>');
  return value;
}

export function SessionProvider({
  user,
  onLogout,
  children,
}: {
  user: SessionUser;
  onLogout: () => void;
  children: ReactNode;
}) {
  const { query } = useLocation();
  const [plans, setPlans] = useState<readonly PlanSummary[]>([]);
  const [plan, setPlan] = useState<OpenPlan | undefined>();
  const wanted = query.get('plan') ?? plans[0]?.id;

  useEffect(() => {
    void api<{ plans: PlanSummary[] }>('GET', '/plans').then((r) => setPlans(r.plans));
  }, []);

  const reload = useCallback(async () => {
    if (wanted === undefined) return;
    setPlan(await api<OpenPlan>('GET', `/plans/${encodeURIComponent(wanted)}`));
  }, [wanted]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const logout = async () => {
    await api('POST', '/logout').catch(() => undefined);
    session.clear();
    onLogout();
  };
  const mayEdit = (actor: unknown) =>
    user.role === 'host' || (user.role === 'delegate' && user.actor !== undefined && user.actor === actor);

  return (
    <SessionContext.Provider value={{ user, plans, plan, reload, logout, mayEdit }}>
      {children}
    </SessionContext.Provider>
  );
}

/** The logged-in user from the stored token, or undefined (no token, or it was revoked). */
export async function whoAmI(): Promise<SessionUser | undefined> {
  if (session.token() === null) return undefined;
  try {
    return (await api<{ user: SessionUser }>('GET', '/me')).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      session.clear();
      return undefined;
    }
    throw error;
  }
}
