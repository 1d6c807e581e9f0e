import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    user?: {
      id: string | null;
      name?: string | null;
      email?: string | null;
      image?: string | null;
      orgId: string | null;
      orgName: string | null;
      role: string;
    };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    userId?: string;
  }
}
