/**
 * The REST API's types, generated from its OpenAPI document by `npm run gen:api-types`
 * (openapi-typescript). Do not edit: a test fails when this file is older than the API.
 */
export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: 200 while the process runs (does not touch the database) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: 200 when the database answers and all migrations are applied, else 503 with the reason */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ready';
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'unavailable';
              /** @enum {string} */
              reason: 'database_unreachable' | 'database_timeout' | 'migrations_pending';
              message: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in: sets the session cookie; returns the CSRF token for unsafe requests */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SignedIn'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log out (ends the session) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The logged-in user, the account the session acts in and its CSRF token */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SignedIn'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change the logged-in user's password (ends the user's other sessions) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/switch-account': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Administrators: act in another account (the session's account changes) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            accountId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SignedIn'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/account': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The account: its plan and this month’s usage */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AccountView'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The plans */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              plans: components['schemas']['Plan'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/account/plan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Administrators: change this account's plan (releases orders held by the old quota) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            planId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AccountView'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Configuration changes of the account, newest first (secrets are never recorded) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description occurredAt of the last entry seen, for the next page */
          before?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              entries: components['schemas']['AuditEntry'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Users of the account */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              users: components['schemas']['User'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Administrators: add a user to the account (password ≥ 12 characters) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            name: string;
            password: string;
            role?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Administrators: remove a user of the account */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** API tokens of the account (never the secrets) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              tokens: components['schemas']['ApiToken'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create an API token (a logged-in user only, never another token); its secret is in this response only (send it as Authorization: Bearer) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              token: components['schemas']['ApiToken'];
              secret: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tokens/{tokenId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API token */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          tokenId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All accounts with their plan and counts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accounts: components['schemas']['AccountSummary'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create an account (plan "free" unless given), optionally with its first user */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            planId?: string;
            owner?: {
              email: string;
              name: string;
              password: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              account: components['schemas']['Account'];
              owner: components['schemas']['User'] | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/accounts/{accountId}/plan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change an account's plan */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            planId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AccountView'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The installation's network settings (an allowance is on when set here or by the environment) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InstallationSettings'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Change the installation's network settings (audit-logged) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description connections may use SP-API/LWA URLs other than Amazon's (the LWA call posts the app's secret there) */
            allowCustomAmazonEndpoints?: boolean;
            /** @description store and webhook URLs may reach loopback, private and link-local addresses (a store on the same host) */
            allowPrivateStoreAddresses?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InstallationSettings'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/plans/{planId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Create or change a plan (limits null = unlimited); held orders of its accounts are re-checked */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          planId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            orderConnections: boolean;
            maxConnections: number | null;
            ordersPerMonth: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              plan: components['schemas']['Plan'];
              released: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/account/retention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The account's buyer personal data retention (PRODUCT.md §12) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BuyerDataRetention'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Set how many days buyer personal data is kept after an order ended (at most the limit) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            days: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BuyerDataRetention'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/retention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Administrators: the longest buyer data retention any account may set */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            maxDays: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              maxDays: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List connections */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              connections: components['schemas']['Connection'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Add a connection (wizard step 2); 201 with the connection, secrets shown as their last 4 characters */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description unique in the account */
            name: string;
            /** @description marketplace id (A1PA6795UKMFR9) or country code (DE) */
            marketplaceId: string;
            /** @description Seller ID (merchant token), e.g. A2EUQ1WTGCTBG2 */
            sellerId: string;
            /** @description LWA client id of the SP-API app (amzn1.application-oa2-client.…) */
            clientId?: string;
            /** @description LWA client secret; stored sealed, never returned */
            clientSecret?: string;
            /** @description the seller’s LWA refresh token (Atzr|…); stored sealed, never returned */
            refreshToken?: string;
            /**
             * Format: uri
             * @description default: the marketplace region’s SP-API endpoint
             */
            spApiBaseUrl?: string;
            /**
             * Format: uri
             * @description default: https://api.amazon.com/auth/o2/token
             */
            lwaUrl?: string;
            /** @description Activate Order Synchronization (needs a plan with order connections) */
            active?: boolean;
            /** @description store (id or name) that receives the orders; null = none */
            store?: string | null;
            /** @description Orders Configuration options (PRODUCT.md §5); omitted options get their defaults */
            config?: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Connection'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{connection}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A connection with its Orders Configuration */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description connection id or name */
          connection: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Connection'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a connection without orders (409 connection_has_orders otherwise: deactivate it instead) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description connection id or name */
          connection: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a connection: credentials, Active, Orders Configuration (partial)
     * @description Activation on a plan without order connections answers 409 plan_no_order_connections naming the plan needed.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description connection id or name */
          connection: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            marketplaceId?: string;
            sellerId?: string;
            clientId?: string;
            /** @description new LWA client secret (write-only) */
            clientSecret?: string;
            /** @description new refresh token (write-only) */
            refreshToken?: string;
            /** Format: uri */
            spApiBaseUrl?: string;
            /** Format: uri */
            lwaUrl?: string;
            /** @description Activate Order Synchronization (needs a plan with order connections) */
            active?: boolean;
            store?: string | null;
            /** @description Orders Configuration changes (JSON merge patch: null removes an option) */
            config?: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Connection'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/connections/{connection}/sync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Synchronize Orders now: queues the pull of the connection's seller account (all its connections pulled together; follow it in sync runs) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description connection id or name */
          connection: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              jobId: string;
              connectionId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/seller-availability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Is this Amazon seller account + marketplace free for an active order connection?
     * @description One seller account + marketplace may have one active order connection per installation. Adding or activating a second one answers 409 connection_duplicate with the same message.
     */
    get: {
      parameters: {
        query: {
          /** @description Seller ID (merchant token), e.g. A2EUQ1WTGCTBG2 */
          sellerId: string;
          /** @description marketplace id (A1PA6795UKMFR9) or country code (DE) */
          marketplace: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description false when another connection of this seller account + marketplace is active (in any account) */
              available: boolean;
              /** @description why it is not available, or a hint: a disabled connection of this account already uses it */
              message?: string;
              /** @description the existing connection, only when it is in the caller’s account */
              existingConnectionId?: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{connection}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Test connection: one cheap authenticated SP-API call with a clear message per failure */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description connection id or name */
          connection: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              /** @description "ok" or an error code of docs/errors.md */
              code: string;
              /** @description what failed and what to do; never contains a secret */
              message: string;
              /** @description UTC ISO time */
              checkedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{connection}/sku-crop/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Live preview of SKU crop rules on recent (or given) SKUs; invalid rules answer 400 sku_crop_invalid */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description connection id or name */
          connection: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description SKU crop rules to try ({ removePrefixes, removeSuffixes, regex }); default: the saved rules */
            skuCrop?: {
              [key: string]: unknown;
            };
            /** @description SKUs to crop; default: the connection’s recent SKUs */
            skus?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              samples: {
                sku: string;
                cropped: string;
                changed: boolean;
                /** @description why this SKU is used unchanged */
                error?: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{connection}/amazon-authorization': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Connect with Amazon: a Seller Central consent URL with a single-use state (valid 10 minutes) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description connection id or name */
          connection: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description open it in the browser; Amazon redirects to /api/amazon/callback */
              consentUrl: string;
              expiresAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/amazon/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Amazon’s redirect after consent (authorised by its state); 302 to the connection page
     * @description Exchanges spapi_oauth_code (grant_type=authorization_code), stores the refresh token and selling_partner_id, then redirects to /connections/<id>?amazon=connected or ?amazon=error&message=….
     */
    get: {
      parameters: {
        query?: {
          state?: string;
          spapi_oauth_code?: string;
          selling_partner_id?: string;
          error?: string;
          error_description?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A job (e.g. Synchronize Orders) with its sync run; poll it for live progress and the summary */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description e.g. orders.pull */
              name: string;
              /** @description queued | running | succeeded | failed | … */
              state: string;
              attempts: number;
              maxAttempts: number;
              lastError: string | null;
              createdAt: string;
              updatedAt: string;
              /** @description the order pull this job runs or ran: live counts while it runs */
              syncRun: components['schemas']['SyncRun'] | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reference/marketplaces': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Amazon marketplaces grouped by region (the connection wizard’s marketplace list) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              regions: {
                /** @enum {string} */
                region: 'NA' | 'EU' | 'FE';
                /** @description North America, Europe, Far East */
                name: string;
                marketplaces: {
                  /** @description Amazon marketplace id, e.g. A1PA6795UKMFR9 */
                  id: string;
                  /** @description as Amazon lists it (UK, not GB) */
                  countryCode: string;
                  /** @description e.g. Amazon.de */
                  name: string;
                  /** @description ISO 4217 */
                  currency: string;
                  /** @description default of "Tax is included in Prices" for this marketplace */
                  taxIncludedDefault: boolean;
                  /** @description the country in English and its local language(s), e.g. Germany, Deutschland (wizard search) */
                  countryNames: string[];
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reference/carriers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Carriers for the Default Shipping service: the marketplace’s common ones first, each carrier once
     * @description Amazon carrier codes without entries that are not carriers and without second spellings of one carrier. "Other" (a carrier Amazon does not list; the store’s carrier name is sent) is answered apart.
     */
    get: {
      parameters: {
        query?: {
          /** @description marketplace id or country code: its common carriers come first, marked common */
          marketplace?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              carriers: {
                /** @description sent to Amazon exactly as written (case and spaces matter) */
                code: string;
                name: string;
                /** @description one of the usual carriers of the marketplace */
                common: boolean;
              }[];
              other: {
                /** @enum {string} */
                code: 'Other';
                description: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reference/cancel-reasons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Amazon cancel reasons (Order Cancellation Reason) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              reasons: {
                code: string;
                description: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reference/order-options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Choices of the Orders Configuration form (PRODUCT.md §5) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description suggestions; any store attribute code is allowed as { "custom": "<code>" } */
              productIdentificationAttributes: {
                value: string;
                description: string;
              }[];
              unknownSkuPolicies: {
                value: string;
                description: string;
              }[];
              syncLevels: {
                value: string;
                description: string;
              }[];
              orderTypes: {
                value: string;
                description: string;
              }[];
              facilitatorTax: {
                value: string;
                description: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reference/amazon-endpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where a connection talks to Amazon: production (by region) or the built-in sandbox when it runs */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              endpoints: {
                /** @enum {string} */
                id: 'production' | 'sandbox';
                name: string;
                description: string;
                /** @description null: the marketplace region's SP-API host */
                spApiBaseUrl: string | null;
                lwaUrl: string | null;
                /** @description the sandbox app's public client id (production: your app's) */
                clientId: string | null;
                /** @description the sandbox app’s public test secret; null for production */
                clientSecret: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/orders-per-day': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Orders per UTC day of Amazon’s purchase date, every day of the range (0 where none) */
    get: {
      parameters: {
        query?: {
          /** @description days up to and including today (UTC) */
          days?: number;
          /** @description connection id or name; default: every connection */
          connection?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              days: {
                /** @description YYYY-MM-DD (UTC) */
                date: string;
                orders: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Orders, newest first, with filters and paging */
    get: {
      parameters: {
        query?: {
          /** @description connection id or name */
          connection?: string;
          /** @description OrderBridge status: pending, ready, shipped, cancelled, cancel_requested, skipped, failed */
          status?: string;
          /** @description Amazon status, e.g. UNSHIPPED */
          amazonStatus?: string;
          /** @description Amazon or seller order id contains */
          search?: string;
          limit?: number;
          offset?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              orders: components['schemas']['Order'][];
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{order}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An order with its lines, totals, timeline and Amazon's raw data */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description OrderBridge order id or Amazon order id */
          order: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              order: {
                id: string;
                connectionId: string;
                amazonOrderId: string;
                sellerOrderId: string | null;
                marketplaceId: string;
                amazonStatus: string | null;
                status: string;
                fulfillmentChannel: string | null;
                createdTime: string | null;
                lastUpdatedTime: string | null;
                currency: string | null;
                totals: {
                  net: string | null;
                  tax: string | null;
                  gross: string | null;
                  /** @description tax Amazon collected itself (facilitator) or that the order does not carry */
                  excludedTax: string | null;
                  /** @description explicit rounding/reconciliation line so gross + excludedTax = amazonTotal */
                  adjustment: string | null;
                  amazonTotal: string | null;
                };
                buyer: components['schemas']['Buyer'] | null;
                shippingAddress: components['schemas']['Address'] | null;
                flags: components['schemas']['OrderFlags'] | null;
                skipReason: string | null;
                holdReason: string | null;
                errorCode: string | null;
                errorMessage: string | null;
                storeState: string | null;
                storeOrderRef: string | null;
                importedAt: string;
                updatedAt: string;
                /** @description when the buyer personal data was removed (data retention); null while it is kept */
                personalDataPurgedAt?: string | null;
                /** @description Amazon's raw order JSON */
                raw: unknown;
              };
              lines: components['schemas']['OrderDetailsLine'][];
              timeline: components['schemas']['OrderEvent'][];
              shipments: components['schemas']['Shipment'][];
              cancellations: components['schemas']['Cancellation'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sync-runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sync runs, newest first */
    get: {
      parameters: {
        query?: {
          connection?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              syncRuns: components['schemas']['SyncRun'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sync-runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One sync run with its counts, API calls and error (poll it for progress) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SyncRun'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List stores */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              stores: components['schemas']['Store'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Add a store (credentials are encrypted and never returned) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            platform: string;
            /** Format: uri */
            baseUrl: string;
            settings?: {
              [key: string]: unknown;
            };
            secrets?: {
              [key: string]: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Store'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Test a store before adding it (one authenticated call; nothing is stored) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            platform: string;
            /** Format: uri */
            baseUrl: string;
            settings?: {
              [key: string]: unknown;
            };
            secrets?: {
              [key: string]: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              storeName: string;
              platform: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores/{store}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A store */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description store id or name */
          store: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Store'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores/{store}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Test the store connection (one authenticated call) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description store id or name */
          store: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              storeName: string;
              platform: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores/{store}/poll': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Read the store's shipments, cancellations and stock changes now */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description store id or name */
          store: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              shipments: number;
              cancellations: number;
              stock: number;
              duplicates: number;
              ignored: {
                event: string;
                reason: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shipments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Store shipments and their confirmation on Amazon */
    get: {
      parameters: {
        query?: {
          connection?: string;
          state?: 'pending' | 'confirmed' | 'invalid' | 'failed';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              shipments: components['schemas']['Shipment'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cancellations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Store cancellations and their acknowledgement feed on Amazon */
    get: {
      parameters: {
        query?: {
          connection?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cancellations: components['schemas']['Cancellation'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{connection}/stock/push': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Push changed MFN quantities to Amazon now */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description connection id or name */
          connection: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              changed: number;
              patched: number;
              feedId: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/needs-attention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Orders that need a person: held (e.g. unknown SKU) or a failed store/Amazon step */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              orders: components['schemas']['Order'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{order}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retry the failed delivery, shipments and cancellations of an order */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description OrderBridge id or Amazon order id */
          order: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              delivery: boolean;
              shipments: number;
              cancellations: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{connection}/sku-links': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Manual SKU links */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description connection id or name */
          connection: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              links: components['schemas']['SkuLink'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{connection}/sku-links/{sku}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Link an Amazon SKU to a store product (looked up by id, then by the Product Identification Attribute); held orders with it are delivered automatically */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description connection id or name */
          connection: string;
          /** @description Amazon seller SKU */
          sku: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            productRef: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              link: components['schemas']['SkuLink'];
              /** @description held orders queued for delivery again */
              released: string[];
              /** @description the store product found; null when not checked */
              product: components['schemas']['StoreProduct'] | null;
              /** @description why the link was taken unchecked (store without a catalogue) */
              note: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    /** Remove a SKU link */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description connection id or name */
          connection: string;
          sku: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{connection}/store-products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search the products of the connection’s store by name or SKU (to link a SKU) */
    get: {
      parameters: {
        query?: {
          search?: string;
        };
        header?: never;
        path: {
          /** @description connection id or name */
          connection: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              products: components['schemas']['StoreProduct'][];
              /** @description false: the store has no catalogue OrderBridge can read */
              hasCatalog: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{connection}/stock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stock sent to Amazon per SKU: quantity, when, why and how Amazon took it; SKUs sharing a product */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description connection id or name */
          connection: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              connectionId: string;
              stockBuffer: number;
              maxQuantity: number | null;
              skus: components['schemas']['SkuStock'][];
              /** @description store products several Amazon SKUs sell as: each SKU gets the full stock */
              sharedProducts: components['schemas']['SharedProduct'][];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores/{storeId}/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Webhook endpoint for store events (WooCommerce webhooks, the OrderBridge Vendure plugin, Shopify webhooks); signed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          storeId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              shipments: number;
              cancellations: number;
              stock: number;
              duplicates: number;
              ignored: {
                event: string;
                reason: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hub/stores/{storeId}/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Orders offered to the store (oldest first), each with the full order */
    get: {
      parameters: {
        query?: {
          /** @description new = waiting for pick-up, acknowledged = picked up */
          state?: 'new' | 'acknowledged' | 'all';
          limit?: number;
          offset?: number;
        };
        header?: never;
        path: {
          /** @description your store id in OrderBridge */
          storeId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              orders: components['schemas']['HubOrder'][];
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hub/stores/{storeId}/orders/{orderId}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Acknowledge an order with your order number (same number again: no change; another: 409) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description your store id in OrderBridge */
          storeId: string;
          /** @description OrderBridge's order id */
          orderId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the order number your store gave the order */
            storeOrderNumber: string;
            /** @description your internal id of the order */
            storeOrderRef?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['HubOrder'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hub/stores/{storeId}/orders/{orderId}/shipments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Post a shipment (202 recorded, 200 when this storeRef was already recorded); goes to Amazon */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description your store id in OrderBridge */
          storeId: string;
          /** @description OrderBridge's order id */
          orderId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description your unique id of this shipment (de-duplication key) */
            storeRef: string;
            /** @description carrier as your store names it; mapped to an Amazon code */
            carrier?: string;
            carrierName?: string;
            shippingMethod?: string;
            trackingNumber: string;
            /**
             * Format: date-time
             * @description ISO-8601 date-time, e.g. 2026-11-29T10:00:00Z
             */
            shipDate: string;
            /** @description absent = every open item of the order */
            items?: {
              /** @description Amazon's order item id (from the order's items) */
              orderItemId?: string;
              /** @description or the SKU of the line */
              sku?: string;
              quantity: number;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              duplicate: boolean;
              shipment: components['schemas']['Shipment'];
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              duplicate: boolean;
              shipment: components['schemas']['Shipment'];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hub/stores/{storeId}/orders/{orderId}/cancellations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Post a cancellation (whole order or lines; 202 recorded, 200 duplicate); goes to Amazon */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description your store id in OrderBridge */
          storeId: string;
          /** @description OrderBridge's order id */
          orderId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description your unique id of this cancellation (de-duplication key) */
            storeRef: string;
            /** @description absent = every open item of the order */
            items?: {
              /** @description Amazon's order item id (from the order's items) */
              orderItemId?: string;
              /** @description or the SKU of the line */
              sku?: string;
              quantity: number;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              duplicate: boolean;
              cancellation: components['schemas']['Cancellation'];
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              duplicate: boolean;
              cancellation: components['schemas']['Cancellation'];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hub/stores/{storeId}/stock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Post sellable stock per product ref (up to 1000 items); changes are pushed to Amazon */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description your store id in OrderBridge */
          storeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            items: {
              productRef: string;
              available: number;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              shipments: number;
              cancellations: number;
              stock: number;
              duplicates: number;
              ignored: {
                event: string;
                reason: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    UserInput: {
      id: string;
      accountId: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'member';
      createdAt: string;
      lastLoginAt: string | null;
    };
    AccountInput: {
      id: string;
      name: string;
      planId: string;
      createdAt: string;
    };
    SignedInInput: {
      user: components['schemas']['UserInput'];
      account: components['schemas']['AccountInput'];
      /** @description send it as x-csrf-token on every POST/PUT/PATCH/DELETE of this session */
      csrfToken: string;
    };
    PlanInput: {
      id: string;
      name: string;
      /** @description whether order synchronization may be activated */
      orderConnections: boolean;
      /** @description null = unlimited */
      maxConnections: number | null;
      /** @description orders that reach the store per UTC month; null = unlimited */
      ordersPerMonth: number | null;
    };
    AccountViewInput: {
      id: string;
      name: string;
      plan: components['schemas']['PlanInput'];
      usage: {
        connections: number;
        /** @description orders that reached the store this UTC month */
        ordersThisMonth: number;
        /** @description imported and kept, held back from the store by the monthly quota */
        ordersHeldByQuota: number;
      };
    };
    AccountSummaryInput: {
      id: string;
      name: string;
      planId: string;
      createdAt: string;
      connections: number;
      users: number;
    };
    ApiTokenInput: {
      id: string;
      accountId: string;
      name: string;
      /** @description the first characters of the token, to recognise it */
      prefix: string;
      createdBy: string;
      createdAt: string;
      lastUsedAt: string | null;
    };
    AuditEntryInput: {
      id: string;
      actor: string;
      action: string;
      entity: string;
      entityId: string | null;
      before: unknown;
      after: unknown;
      occurredAt: string;
    };
    ErrorInput: {
      error: {
        code: string;
        message: string;
        details: {
          [key: string]: unknown;
        };
      };
    };
    ConnectionInput: {
      id: string;
      accountId: string;
      name: string;
      marketplaceId: string;
      sellerId: string;
      /** @enum {string} */
      region: 'NA' | 'EU' | 'FE';
      spApiBaseUrl: string;
      lwaUrl: string;
      clientId: string;
      /** @description last 4 characters only; secrets are never returned */
      clientSecretHint: string;
      refreshTokenHint: string;
      active: boolean;
      importCursor: string | null;
      /** @description the store that receives the orders; null = none */
      storeId: string | null;
      /** @description Orders Configuration (PRODUCT.md §5) */
      config: {
        [key: string]: unknown;
      };
      createdAt: string;
      updatedAt: string;
      /** @description connections of one Amazon seller account (seller id + region + application) are pulled together; null when disabled. Shown by GET /api/connections and GET /api/connections/{connection} */
      sellerPull?: {
        /** @description the seller pull; null until its first pull or schedule */
        id: string | null;
        /** @description the active connections pulled together (this one included) */
        connectionIds: string[];
        /** @description the seller account's cursor: orders changed up to here are stored */
        cursor: string | null;
        /** @description activated later: reads its own orders alone until it reaches the seller cursor, then joins */
        catchingUp: boolean;
      } | null;
    };
    AddressInput: {
      name: string | null;
      companyName: string | null;
      addressLine1: string | null;
      addressLine2: string | null;
      addressLine3: string | null;
      city: string | null;
      districtOrCounty: string | null;
      stateOrRegion: string | null;
      municipality: string | null;
      postalCode: string | null;
      countryCode: string | null;
      phone: string | null;
      /** @enum {string|null} */
      addressType: 'RESIDENTIAL' | 'COMMERCIAL' | null;
    };
    BuyerInput: {
      name: string | null;
      email: string | null;
      companyName: string | null;
      purchaseOrderNumber: string | null;
      taxRegistrationId: string | null;
      taxRegistrationType: string | null;
    };
    OrderFlagsInput: {
      prime: boolean;
      business: boolean;
      replacement: boolean;
      replacedOrderId: string | null;
      gift: boolean;
      buyerCancelRequested: boolean;
      programs: string[];
      paymentMethod: string | null;
      serviceLevel: string | null;
      latestShipDate: string | null;
      latestDeliveryDate: string | null;
      iossNumbers: string[];
    };
    OrderInput: {
      id: string;
      connectionId: string;
      amazonOrderId: string;
      sellerOrderId: string | null;
      marketplaceId: string;
      amazonStatus: string | null;
      status: string;
      fulfillmentChannel: string | null;
      createdTime: string | null;
      lastUpdatedTime: string | null;
      currency: string | null;
      totals: {
        net: string | null;
        tax: string | null;
        gross: string | null;
        /** @description tax Amazon collected itself (facilitator) or that the order does not carry */
        excludedTax: string | null;
        /** @description explicit rounding/reconciliation line so gross + excludedTax = amazonTotal */
        adjustment: string | null;
        amazonTotal: string | null;
      };
      buyer: components['schemas']['BuyerInput'] | null;
      shippingAddress: components['schemas']['AddressInput'] | null;
      flags: components['schemas']['OrderFlagsInput'] | null;
      skipReason: string | null;
      holdReason: string | null;
      errorCode: string | null;
      errorMessage: string | null;
      storeState: string | null;
      storeOrderRef: string | null;
      importedAt: string;
      updatedAt: string;
      /** @description when the buyer personal data was removed (data retention); null while it is kept */
      personalDataPurgedAt?: string | null;
    };
    OrderLineInput: {
      amazonOrderItemId: string;
      kind: string;
      sellerSku: string | null;
      croppedSku: string | null;
      asin: string | null;
      title: string;
      productRef: string | null;
      quantityOrdered: number;
      quantityShipped: number;
      quantityCancelled: number;
      unitNet: string;
      unitGross: string;
      lineNet: string;
      lineTax: string;
      lineGross: string;
      taxRate: string | null;
      position: number;
      data: {
        [key: string]: unknown;
      };
    };
    OrderEventInput: {
      id: string;
      orderId: string;
      connectionId: string;
      occurredAt: string;
      /** @enum {string} */
      direction: 'amazon_to_hub' | 'hub_to_store' | 'store_to_hub' | 'hub_to_amazon' | 'internal';
      kind: string;
      summary: string;
      payload: unknown;
    };
    OrderDetailsInput: {
      order: {
        id: string;
        connectionId: string;
        amazonOrderId: string;
        sellerOrderId: string | null;
        marketplaceId: string;
        amazonStatus: string | null;
        status: string;
        fulfillmentChannel: string | null;
        createdTime: string | null;
        lastUpdatedTime: string | null;
        currency: string | null;
        totals: {
          net: string | null;
          tax: string | null;
          gross: string | null;
          /** @description tax Amazon collected itself (facilitator) or that the order does not carry */
          excludedTax: string | null;
          /** @description explicit rounding/reconciliation line so gross + excludedTax = amazonTotal */
          adjustment: string | null;
          amazonTotal: string | null;
        };
        buyer: components['schemas']['BuyerInput'] | null;
        shippingAddress: components['schemas']['AddressInput'] | null;
        flags: components['schemas']['OrderFlagsInput'] | null;
        skipReason: string | null;
        holdReason: string | null;
        errorCode: string | null;
        errorMessage: string | null;
        storeState: string | null;
        storeOrderRef: string | null;
        importedAt: string;
        updatedAt: string;
        /** @description when the buyer personal data was removed (data retention); null while it is kept */
        personalDataPurgedAt?: string | null;
        /** @description Amazon's raw order JSON */
        raw: unknown;
      };
      lines: components['schemas']['OrderLineInput'][];
      timeline: components['schemas']['OrderEventInput'][];
    };
    SyncRunInput: {
      id: string;
      connectionId: string;
      kind: string;
      trigger: string;
      /** @enum {string} */
      status: 'running' | 'succeeded' | 'failed' | 'partial';
      startedAt: string;
      finishedAt: string | null;
      windowStart: string | null;
      windowEnd: string | null;
      ordersSeen: number;
      ordersCreated: number;
      ordersUpdated: number;
      ordersUnchanged: number;
      ordersSkipped: number;
      ordersFailed: number;
      apiCalls: {
        [key: string]: number;
      };
      throttled: number;
      errorCode: string | null;
      errorMessage: string | null;
      progress: {
        pages: number;
        orders: number;
      } | null;
      /** @description the seller pull run this connection's run was part of (same on each of its runs) */
      pullId: string | null;
      /** @description orders of that pull for marketplaces without an active connection: counted, not stored */
      ordersUnmatched: number;
      /** @description the connections pulled together with this one, with their counts (GET /api/sync-runs and /{id}) */
      pull?: {
        id: string;
        runs: {
          id: string;
          connectionId: string;
          connectionName: string;
          marketplaceId: string;
          /** @enum {string} */
          status: 'running' | 'succeeded' | 'failed' | 'partial';
          ordersSeen: number;
          ordersCreated: number;
          ordersUpdated: number;
          ordersUnchanged: number;
          ordersSkipped: number;
          ordersFailed: number;
        }[];
      } | null;
    };
    BuyerDataRetentionInput: {
      /** @description days buyer personal data is kept after an order was shipped/delivered or cancelled */
      days: number;
      defaultDays: number;
      /** @description the administrators' limit: no account keeps buyer data longer */
      maxDays: number;
    };
    HubAddressInput: {
      name: string;
      firstName: string;
      lastName: string;
      company: string | null;
      line1: string;
      line2: string | null;
      line3: string | null;
      city: string;
      district: string | null;
      stateOrRegion: string | null;
      postalCode: string | null;
      /** @description ISO 3166-1 alpha-2 */
      countryCode: string;
      phone: string | null;
    };
    /** @description An order offered to the store (money as decimal strings) */
    HubOrderInput: {
      /** @description OrderBridge's order id: use it in every call about this order */
      orderId: string;
      amazonOrderId: string;
      marketplaceId: string;
      currency: string;
      /** @description Amazon's purchase date (UTC ISO-8601) */
      createdTime: string;
      pricesIncludeTax: boolean;
      customer: {
        email: string;
        name: string;
        phone: string | null;
        company: string | null;
        vatId: string | null;
      };
      shippingAddress: components['schemas']['HubAddressInput'];
      billingAddress: components['schemas']['HubAddressInput'];
      shippingMethod: string;
      items: {
        /** @description Amazon's order item id: name it when posting shipments */
        orderItemId: string;
        /** @description the value of the identification attribute (e.g. your SKU); null = unlinked */
        productRef: string | null;
        sku: string | null;
        title: string;
        quantity: number;
        unitNet: string;
        unitGross: string;
        lineNet: string;
        lineTax: string;
        lineGross: string;
        /** @description percent as a decimal string, e.g. "19" */
        taxRate: string | null;
      }[];
      charges: {
        /** @enum {string} */
        kind: 'shipping' | 'gift_wrap' | 'discount' | 'cod_fee' | 'adjustment' | 'other';
        title: string;
        net: string;
        tax: string;
        gross: string;
        taxRate: string | null;
      }[];
      totals: {
        net: string;
        tax: string;
        gross: string;
      };
      notes: string[];
      /** @description false: Amazon ships it (FBA), do not take your stock */
      lowerStock?: boolean;
      /** @description true: an FBA order, already fulfilled by Amazon; do not ship it (shipments are not sent to Amazon) */
      fulfilledByAmazon?: boolean;
      /** @enum {string} */
      state: 'new' | 'acknowledged';
      /** @description OrderBridge status: in_store, cancel_requested, cancelled, shipped, … */
      status: string;
      /** @description your order number, once acknowledged */
      storeOrderNumber: string | null;
      storeOrderRef: string | null;
      updatedAt: string;
    };
    StoreInput: {
      id: string;
      accountId: string;
      name: string;
      /** @description hub-api, woocommerce or vendure */
      platform: string;
      baseUrl: string;
      settings: {
        [key: string]: unknown;
      };
      /** @description last 4 characters of each credential only */
      secretHints: {
        [key: string]: string;
      };
      eventCursor: string | null;
      createdAt: string;
      updatedAt: string;
    };
    ShipmentInput: {
      id: string;
      orderId: string;
      connectionId: string;
      storeId: string;
      storeRef: string;
      /** @description Amazon carrier code */
      carrierCode: string;
      /** @description set when carrierCode is Other */
      carrierName: string | null;
      shippingMethod: string | null;
      trackingNumber: string | null;
      shipDate: string;
      items: {
        orderItemId: string;
        quantity: number;
      }[];
      packageReferenceId: string;
      /**
       * @description not_sent: an FBA order, Amazon fulfils it (kept, never sent)
       * @enum {string}
       */
      state: 'pending' | 'confirmed' | 'invalid' | 'failed' | 'not_sent';
      attempts: number;
      lastError: string | null;
      confirmedAt: string | null;
      createdAt: string;
    };
    CancellationInput: {
      id: string;
      orderId: string;
      connectionId: string;
      storeId: string;
      storeRef: string;
      items: {
        orderItemId: string;
        quantity: number;
      }[];
      /** @description Amazon CancelReason */
      reason: string;
      /**
       * @description not_sent: an FBA order, Amazon fulfils it (kept, never sent)
       * @enum {string}
       */
      state: 'pending' | 'submitted' | 'applied' | 'failed' | 'not_sent';
      /** @description OrderBridge's record of the acknowledgement feed */
      feedId: string | null;
      /** @description the feed id Amazon returned for the acknowledgement feed */
      amazonFeedId: string | null;
      lastError: string | null;
      createdAt: string;
    };
    SkuLinkInput: {
      amazonSku: string;
      productRef: string;
      createdAt: string;
    };
    StoreProductInput: {
      /** @description the store’s own product id, what the link stores */
      ref: string;
      sku: string | null;
      name: string;
      available: number | null;
    };
    OrderDetailsLineInput: {
      amazonOrderItemId: string;
      kind: string;
      sellerSku: string | null;
      croppedSku: string | null;
      asin: string | null;
      title: string;
      productRef: string | null;
      quantityOrdered: number;
      quantityShipped: number;
      quantityCancelled: number;
      unitNet: string;
      unitGross: string;
      lineNet: string;
      lineTax: string;
      lineGross: string;
      taxRate: string | null;
      position: number;
      data: {
        [key: string]: unknown;
      };
      /** @description the marketplace's VAT rate when the amounts match it to the cent, else tax ÷ net (2 decimals) */
      displayTaxRate: {
        percent: string;
        /** @enum {string} */
        source: 'marketplace' | 'computed';
      } | null;
    };
    SkuStockInput: {
      amazonSku: string;
      /** @description the store product the SKU sells as */
      productRef: string;
      /** @description false: fulfilled by Amazon, never pushed */
      mfn: boolean;
      /** @description the store's stock; null until read */
      storeAvailable: number | null;
      /** @description units of Amazon orders not in the store yet */
      reserved: number;
      /** @description what a push sends now */
      quantity: number | null;
      /** @description how the quantity comes from store stock, reservations, buffer and cap */
      reason: string;
      pushedQuantity: number | null;
      pushedAt: string | null;
      /** @enum {string} */
      status: 'not_sent' | 'sent' | 'accepted' | 'rejected' | 'fba';
      /** @description Amazon's message when it rejected the quantity */
      amazonMessage: string | null;
      amazonFeedId: string | null;
      /** @description differs from the last quantity sent: the next push sends it */
      changed: boolean;
    };
    SharedProductInput: {
      /** @description store product ref, or the looked-up SKU while unresolved */
      product: string;
      resolved: boolean;
      amazonSkus: string[];
    };
    InstallationSettingsInput: {
      /** @description connections may use SP-API/LWA URLs other than Amazon's (the LWA call posts the app's secret there) */
      allowCustomAmazonEndpoints: boolean;
      /** @description store and webhook URLs may reach loopback, private and link-local addresses (a store on the same host) */
      allowPrivateStoreAddresses: boolean;
      /** @description switched on by the environment (ORDERBRIDGE_ALLOW_…=true) */
      environment: {
        /** @description connections may use SP-API/LWA URLs other than Amazon's (the LWA call posts the app's secret there) */
        allowCustomAmazonEndpoints: boolean;
        /** @description store and webhook URLs may reach loopback, private and link-local addresses (a store on the same host) */
        allowPrivateStoreAddresses: boolean;
      };
    };
    User: {
      id: string;
      accountId: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'member';
      createdAt: string;
      lastLoginAt: string | null;
    };
    Account: {
      id: string;
      name: string;
      planId: string;
      createdAt: string;
    };
    SignedIn: {
      user: components['schemas']['User'];
      account: components['schemas']['Account'];
      /** @description send it as x-csrf-token on every POST/PUT/PATCH/DELETE of this session */
      csrfToken: string;
    };
    Plan: {
      id: string;
      name: string;
      /** @description whether order synchronization may be activated */
      orderConnections: boolean;
      /** @description null = unlimited */
      maxConnections: number | null;
      /** @description orders that reach the store per UTC month; null = unlimited */
      ordersPerMonth: number | null;
    };
    AccountView: {
      id: string;
      name: string;
      plan: components['schemas']['Plan'];
      usage: {
        connections: number;
        /** @description orders that reached the store this UTC month */
        ordersThisMonth: number;
        /** @description imported and kept, held back from the store by the monthly quota */
        ordersHeldByQuota: number;
      };
    };
    AccountSummary: {
      id: string;
      name: string;
      planId: string;
      createdAt: string;
      connections: number;
      users: number;
    };
    ApiToken: {
      id: string;
      accountId: string;
      name: string;
      /** @description the first characters of the token, to recognise it */
      prefix: string;
      createdBy: string;
      createdAt: string;
      lastUsedAt: string | null;
    };
    AuditEntry: {
      id: string;
      actor: string;
      action: string;
      entity: string;
      entityId: string | null;
      before: unknown;
      after: unknown;
      occurredAt: string;
    };
    Error: {
      error: {
        code: string;
        message: string;
        details: {
          [key: string]: unknown;
        };
      };
    };
    Connection: {
      id: string;
      accountId: string;
      name: string;
      marketplaceId: string;
      sellerId: string;
      /** @enum {string} */
      region: 'NA' | 'EU' | 'FE';
      spApiBaseUrl: string;
      lwaUrl: string;
      clientId: string;
      /** @description last 4 characters only; secrets are never returned */
      clientSecretHint: string;
      refreshTokenHint: string;
      active: boolean;
      importCursor: string | null;
      /** @description the store that receives the orders; null = none */
      storeId: string | null;
      /** @description Orders Configuration (PRODUCT.md §5) */
      config: {
        [key: string]: unknown;
      };
      createdAt: string;
      updatedAt: string;
      /** @description connections of one Amazon seller account (seller id + region + application) are pulled together; null when disabled. Shown by GET /api/connections and GET /api/connections/{connection} */
      sellerPull?: {
        /** @description the seller pull; null until its first pull or schedule */
        id: string | null;
        /** @description the active connections pulled together (this one included) */
        connectionIds: string[];
        /** @description the seller account's cursor: orders changed up to here are stored */
        cursor: string | null;
        /** @description activated later: reads its own orders alone until it reaches the seller cursor, then joins */
        catchingUp: boolean;
      } | null;
    };
    Address: {
      name: string | null;
      companyName: string | null;
      addressLine1: string | null;
      addressLine2: string | null;
      addressLine3: string | null;
      city: string | null;
      districtOrCounty: string | null;
      stateOrRegion: string | null;
      municipality: string | null;
      postalCode: string | null;
      countryCode: string | null;
      phone: string | null;
      /** @enum {string|null} */
      addressType: 'RESIDENTIAL' | 'COMMERCIAL' | null;
    };
    Buyer: {
      name: string | null;
      email: string | null;
      companyName: string | null;
      purchaseOrderNumber: string | null;
      taxRegistrationId: string | null;
      taxRegistrationType: string | null;
    };
    OrderFlags: {
      prime: boolean;
      business: boolean;
      replacement: boolean;
      replacedOrderId: string | null;
      gift: boolean;
      buyerCancelRequested: boolean;
      programs: string[];
      paymentMethod: string | null;
      serviceLevel: string | null;
      latestShipDate: string | null;
      latestDeliveryDate: string | null;
      iossNumbers: string[];
    };
    Order: {
      id: string;
      connectionId: string;
      amazonOrderId: string;
      sellerOrderId: string | null;
      marketplaceId: string;
      amazonStatus: string | null;
      status: string;
      fulfillmentChannel: string | null;
      createdTime: string | null;
      lastUpdatedTime: string | null;
      currency: string | null;
      totals: {
        net: string | null;
        tax: string | null;
        gross: string | null;
        /** @description tax Amazon collected itself (facilitator) or that the order does not carry */
        excludedTax: string | null;
        /** @description explicit rounding/reconciliation line so gross + excludedTax = amazonTotal */
        adjustment: string | null;
        amazonTotal: string | null;
      };
      buyer: components['schemas']['Buyer'] | null;
      shippingAddress: components['schemas']['Address'] | null;
      flags: components['schemas']['OrderFlags'] | null;
      skipReason: string | null;
      holdReason: string | null;
      errorCode: string | null;
      errorMessage: string | null;
      storeState: string | null;
      storeOrderRef: string | null;
      importedAt: string;
      updatedAt: string;
      /** @description when the buyer personal data was removed (data retention); null while it is kept */
      personalDataPurgedAt?: string | null;
    };
    OrderLine: {
      amazonOrderItemId: string;
      kind: string;
      sellerSku: string | null;
      croppedSku: string | null;
      asin: string | null;
      title: string;
      productRef: string | null;
      quantityOrdered: number;
      quantityShipped: number;
      quantityCancelled: number;
      unitNet: string;
      unitGross: string;
      lineNet: string;
      lineTax: string;
      lineGross: string;
      taxRate: string | null;
      position: number;
      data: {
        [key: string]: unknown;
      };
    };
    OrderEvent: {
      id: string;
      orderId: string;
      connectionId: string;
      occurredAt: string;
      /** @enum {string} */
      direction: 'amazon_to_hub' | 'hub_to_store' | 'store_to_hub' | 'hub_to_amazon' | 'internal';
      kind: string;
      summary: string;
      payload: unknown;
    };
    OrderDetails: {
      order: {
        id: string;
        connectionId: string;
        amazonOrderId: string;
        sellerOrderId: string | null;
        marketplaceId: string;
        amazonStatus: string | null;
        status: string;
        fulfillmentChannel: string | null;
        createdTime: string | null;
        lastUpdatedTime: string | null;
        currency: string | null;
        totals: {
          net: string | null;
          tax: string | null;
          gross: string | null;
          /** @description tax Amazon collected itself (facilitator) or that the order does not carry */
          excludedTax: string | null;
          /** @description explicit rounding/reconciliation line so gross + excludedTax = amazonTotal */
          adjustment: string | null;
          amazonTotal: string | null;
        };
        buyer: components['schemas']['Buyer'] | null;
        shippingAddress: components['schemas']['Address'] | null;
        flags: components['schemas']['OrderFlags'] | null;
        skipReason: string | null;
        holdReason: string | null;
        errorCode: string | null;
        errorMessage: string | null;
        storeState: string | null;
        storeOrderRef: string | null;
        importedAt: string;
        updatedAt: string;
        /** @description when the buyer personal data was removed (data retention); null while it is kept */
        personalDataPurgedAt?: string | null;
        /** @description Amazon's raw order JSON */
        raw: unknown;
      };
      lines: components['schemas']['OrderLine'][];
      timeline: components['schemas']['OrderEvent'][];
    };
    SyncRun: {
      id: string;
      connectionId: string;
      kind: string;
      trigger: string;
      /** @enum {string} */
      status: 'running' | 'succeeded' | 'failed' | 'partial';
      startedAt: string;
      finishedAt: string | null;
      windowStart: string | null;
      windowEnd: string | null;
      ordersSeen: number;
      ordersCreated: number;
      ordersUpdated: number;
      ordersUnchanged: number;
      ordersSkipped: number;
      ordersFailed: number;
      apiCalls: {
        [key: string]: number;
      };
      throttled: number;
      errorCode: string | null;
      errorMessage: string | null;
      progress: {
        pages: number;
        orders: number;
      } | null;
      /** @description the seller pull run this connection's run was part of (same on each of its runs) */
      pullId: string | null;
      /** @description orders of that pull for marketplaces without an active connection: counted, not stored */
      ordersUnmatched: number;
      /** @description the connections pulled together with this one, with their counts (GET /api/sync-runs and /{id}) */
      pull?: {
        id: string;
        runs: {
          id: string;
          connectionId: string;
          connectionName: string;
          marketplaceId: string;
          /** @enum {string} */
          status: 'running' | 'succeeded' | 'failed' | 'partial';
          ordersSeen: number;
          ordersCreated: number;
          ordersUpdated: number;
          ordersUnchanged: number;
          ordersSkipped: number;
          ordersFailed: number;
        }[];
      } | null;
    };
    BuyerDataRetention: {
      /** @description days buyer personal data is kept after an order was shipped/delivered or cancelled */
      days: number;
      defaultDays: number;
      /** @description the administrators' limit: no account keeps buyer data longer */
      maxDays: number;
    };
    HubAddress: {
      name: string;
      firstName: string;
      lastName: string;
      company: string | null;
      line1: string;
      line2: string | null;
      line3: string | null;
      city: string;
      district: string | null;
      stateOrRegion: string | null;
      postalCode: string | null;
      /** @description ISO 3166-1 alpha-2 */
      countryCode: string;
      phone: string | null;
    };
    /** @description An order offered to the store (money as decimal strings) */
    HubOrder: {
      /** @description OrderBridge's order id: use it in every call about this order */
      orderId: string;
      amazonOrderId: string;
      marketplaceId: string;
      currency: string;
      /** @description Amazon's purchase date (UTC ISO-8601) */
      createdTime: string;
      pricesIncludeTax: boolean;
      customer: {
        email: string;
        name: string;
        phone: string | null;
        company: string | null;
        vatId: string | null;
      };
      shippingAddress: components['schemas']['HubAddress'];
      billingAddress: components['schemas']['HubAddress'];
      shippingMethod: string;
      items: {
        /** @description Amazon's order item id: name it when posting shipments */
        orderItemId: string;
        /** @description the value of the identification attribute (e.g. your SKU); null = unlinked */
        productRef: string | null;
        sku: string | null;
        title: string;
        quantity: number;
        unitNet: string;
        unitGross: string;
        lineNet: string;
        lineTax: string;
        lineGross: string;
        /** @description percent as a decimal string, e.g. "19" */
        taxRate: string | null;
      }[];
      charges: {
        /** @enum {string} */
        kind: 'shipping' | 'gift_wrap' | 'discount' | 'cod_fee' | 'adjustment' | 'other';
        title: string;
        net: string;
        tax: string;
        gross: string;
        taxRate: string | null;
      }[];
      totals: {
        net: string;
        tax: string;
        gross: string;
      };
      notes: string[];
      /** @description false: Amazon ships it (FBA), do not take your stock */
      lowerStock?: boolean;
      /** @description true: an FBA order, already fulfilled by Amazon; do not ship it (shipments are not sent to Amazon) */
      fulfilledByAmazon?: boolean;
      /** @enum {string} */
      state: 'new' | 'acknowledged';
      /** @description OrderBridge status: in_store, cancel_requested, cancelled, shipped, … */
      status: string;
      /** @description your order number, once acknowledged */
      storeOrderNumber: string | null;
      storeOrderRef: string | null;
      updatedAt: string;
    };
    Store: {
      id: string;
      accountId: string;
      name: string;
      /** @description hub-api, woocommerce or vendure */
      platform: string;
      baseUrl: string;
      settings: {
        [key: string]: unknown;
      };
      /** @description last 4 characters of each credential only */
      secretHints: {
        [key: string]: string;
      };
      eventCursor: string | null;
      createdAt: string;
      updatedAt: string;
    };
    Shipment: {
      id: string;
      orderId: string;
      connectionId: string;
      storeId: string;
      storeRef: string;
      /** @description Amazon carrier code */
      carrierCode: string;
      /** @description set when carrierCode is Other */
      carrierName: string | null;
      shippingMethod: string | null;
      trackingNumber: string | null;
      shipDate: string;
      items: {
        orderItemId: string;
        quantity: number;
      }[];
      packageReferenceId: string;
      /**
       * @description not_sent: an FBA order, Amazon fulfils it (kept, never sent)
       * @enum {string}
       */
      state: 'pending' | 'confirmed' | 'invalid' | 'failed' | 'not_sent';
      attempts: number;
      lastError: string | null;
      confirmedAt: string | null;
      createdAt: string;
    };
    Cancellation: {
      id: string;
      orderId: string;
      connectionId: string;
      storeId: string;
      storeRef: string;
      items: {
        orderItemId: string;
        quantity: number;
      }[];
      /** @description Amazon CancelReason */
      reason: string;
      /**
       * @description not_sent: an FBA order, Amazon fulfils it (kept, never sent)
       * @enum {string}
       */
      state: 'pending' | 'submitted' | 'applied' | 'failed' | 'not_sent';
      /** @description OrderBridge's record of the acknowledgement feed */
      feedId: string | null;
      /** @description the feed id Amazon returned for the acknowledgement feed */
      amazonFeedId: string | null;
      lastError: string | null;
      createdAt: string;
    };
    SkuLink: {
      amazonSku: string;
      productRef: string;
      createdAt: string;
    };
    StoreProduct: {
      /** @description the store’s own product id, what the link stores */
      ref: string;
      sku: string | null;
      name: string;
      available: number | null;
    };
    OrderDetailsLine: {
      amazonOrderItemId: string;
      kind: string;
      sellerSku: string | null;
      croppedSku: string | null;
      asin: string | null;
      title: string;
      productRef: string | null;
      quantityOrdered: number;
      quantityShipped: number;
      quantityCancelled: number;
      unitNet: string;
      unitGross: string;
      lineNet: string;
      lineTax: string;
      lineGross: string;
      taxRate: string | null;
      position: number;
      data: {
        [key: string]: unknown;
      };
      /** @description the marketplace's VAT rate when the amounts match it to the cent, else tax ÷ net (2 decimals) */
      displayTaxRate: {
        percent: string;
        /** @enum {string} */
        source: 'marketplace' | 'computed';
      } | null;
    };
    SkuStock: {
      amazonSku: string;
      /** @description the store product the SKU sells as */
      productRef: string;
      /** @description false: fulfilled by Amazon, never pushed */
      mfn: boolean;
      /** @description the store's stock; null until read */
      storeAvailable: number | null;
      /** @description units of Amazon orders not in the store yet */
      reserved: number;
      /** @description what a push sends now */
      quantity: number | null;
      /** @description how the quantity comes from store stock, reservations, buffer and cap */
      reason: string;
      pushedQuantity: number | null;
      pushedAt: string | null;
      /** @enum {string} */
      status: 'not_sent' | 'sent' | 'accepted' | 'rejected' | 'fba';
      /** @description Amazon's message when it rejected the quantity */
      amazonMessage: string | null;
      amazonFeedId: string | null;
      /** @description differs from the last quantity sent: the next push sends it */
      changed: boolean;
    };
    SharedProduct: {
      /** @description store product ref, or the looked-up SKU while unresolved */
      product: string;
      resolved: boolean;
      amazonSkus: string[];
    };
    InstallationSettings: {
      /** @description connections may use SP-API/LWA URLs other than Amazon's (the LWA call posts the app's secret there) */
      allowCustomAmazonEndpoints: boolean;
      /** @description store and webhook URLs may reach loopback, private and link-local addresses (a store on the same host) */
      allowPrivateStoreAddresses: boolean;
      /** @description switched on by the environment (ORDERBRIDGE_ALLOW_…=true) */
      environment: {
        /** @description connections may use SP-API/LWA URLs other than Amazon's (the LWA call posts the app's secret there) */
        allowCustomAmazonEndpoints: boolean;
        /** @description store and webhook URLs may reach loopback, private and link-local addresses (a store on the same host) */
        allowPrivateStoreAddresses: boolean;
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
