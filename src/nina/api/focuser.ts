import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { useAutofocusHistory } from '../../store/autofocus-history';
import { isNinaError } from '../errors';
import type { NinaHttp } from '../http';
import { focuserInfoSchema } from '../schemas/equipment';
import { autofocusReportSchema, type AutofocusReport } from '../schemas/focuser';
import { useNinaClient } from './client-context';
import { ninaKeys } from './keys';

/** While the focuser moves or an autofocus runs, its position is worth reading every second. */
export const FOCUSER_ACTIVE_POLL_MS = 1_000;
/** At rest only the temperature changes, and slowly. */
export const FOCUSER_IDLE_POLL_MS = 5_000;

/** NINA's answer to last-af before any autofocus report exists (notes §8). */
export const NO_AF_AVAILABLE = 'No AF available';

export const focuserInfoQuery = (http: NinaHttp, active = false) =>
  queryOptions({
    queryKey: ninaKeys.deviceInfo(http.baseUrl, 'focuser'),
    queryFn: ({ signal }) => http.get('/equipment/focuser/info', focuserInfoSchema, { signal }),
    refetchInterval: (query) => (active || query.state.data?.IsMoving ? FOCUSER_ACTIVE_POLL_MS : FOCUSER_IDLE_POLL_MS),
    refetchIntervalInBackground: false,
  });

/** The focuser's state, polled only while a view shows it; faster while it moves or `active` (an AF run). */
export function useFocuserInfo(active = false) {
  const { http } = useNinaClient();
  return useQuery(focuserInfoQuery(http, active));
}

/** NINA's newest autofocus report, or null before any run ("No AF available" is not a failure). */
export async function fetchLastAutofocus(http: NinaHttp, signal?: AbortSignal): Promise<AutofocusReport | null> {
  try {
    return await http.get('/equipment/focuser/last-af', autofocusReportSchema, { signal });
  } catch (error) {
    if (isNinaError(error) && error.kind === 'nina' && error.ninaError === NO_AF_AVAILABLE) return null;
    throw error;
  }
}

/** Fetched on demand and after each AUTOFOCUS-FINISHED by the autofocus consumer; no polling. */
export const lastAutofocusQuery = (http: NinaHttp) =>
  queryOptions({
    queryKey: ninaKeys.lastAutofocus(http.baseUrl),
    queryFn: ({ signal }) => fetchLastAutofocus(http, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useLastAutofocus() {
  const { http } = useNinaClient();
  return useQuery(lastAutofocusQuery(http));
}

export type FocuserCommand = { kind: 'move'; positionSteps: number } | { kind: 'stop' };

/** Move (absolute, not awaited by NINA: "Move started") or stop an API move. Never retried. */
export function useFocuserCommand() {
  const { http } = useNinaClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...ninaKeys.device(http.baseUrl, 'focuser'), 'command'],
    retry: false,
    mutationFn: (command: FocuserCommand) =>
      command.kind === 'move'
        ? http.get('/equipment/focuser/move', z.string(), { query: { position: Math.round(command.positionSteps) } })
        : http.get('/equipment/focuser/stop-move', z.string()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ninaKeys.device(http.baseUrl, 'focuser') }),
  });
}

/**
 * Start or cancel NINA's autofocus. Not awaited by NINA: the run is followed through its events.
 * Without a focuser NINA answers Success:false, "Focuser not connected", yet still starts (or
 * cancels) and says so in Response (notes §8); the error carries both.
 */
export function useAutofocusCommand() {
  const { http } = useNinaClient();
  return useMutation({
    mutationKey: [...ninaKeys.all(http.baseUrl), 'autofocus', 'command'],
    retry: false,
    mutationFn: (action: 'start' | 'cancel') =>
      http.get('/equipment/focuser/auto-focus', z.string(), { query: action === 'cancel' ? { cancel: true } : undefined }),
    onSettled: (reply, error, action) => {
      // A cancelled run ends without any event from NINA; the quirk cancels even with an error.
      if (action === 'cancel' && (reply ?? responseDespiteError(error))) useAutofocusHistory.getState().canceled(Date.now());
    },
  });
}

/** The Response NINA still sent with a failed command (the auto-focus quirk), if any. */
export function responseDespiteError(error: unknown): string | undefined {
  return isNinaError(error) && typeof error.response === 'string' && error.response.trim() ? error.response.trim() : undefined;
}
