import type { FastifyReply } from 'fastify';
import { SESSION_IDLE_MS } from '../../accounts/auth.service.js';

export const SESSION_COOKIE = 'orderbridge_session';

/** HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure behind HTTPS. */
export function setSessionCookie(reply: FastifyReply, secret: string, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: Math.floor(SESSION_IDLE_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
