// Where the API lives. Read once from /config.json next to index.html, so the same build can be
// served by RamSetu itself (empty base: same origin) or from any static host / CDN
// (e.g. {"apiBaseUrl": "https://api.example.org"}); see docs/web.md.
export interface RuntimeConfig {
  apiBaseUrl: string;
  contactEmail?: string;
}

let config: RuntimeConfig = { apiBaseUrl: '' };

export async function loadConfig(): Promise<RuntimeConfig> {
  try {
    const res = await fetch('/config.json', { cache: 'no-cache' });
    if (res.ok) {
      const body = (await res.json()) as Partial<RuntimeConfig>;
      config = {
        apiBaseUrl: (body.apiBaseUrl ?? '').replace(/\/$/, ''),
        contactEmail: body.contactEmail,
      };
    }
  } catch {
    // No config file: same origin.
  }
  return config;
}

export function runtimeConfig(): RuntimeConfig {
  return config;
}
