/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Lets pages call forbidden() / unauthorized() so a wrong role gets a real 403 page.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '100mb' } },
  serverExternalPackages: ['postgres', 'meilisearch', 'pdfkit'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
