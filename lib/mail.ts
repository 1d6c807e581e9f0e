/**
 * Outgoing mail. Credpath needs no mail server yet: invite links are shown to the admin.
 * A real sender (SMTP, a provider API) implements `Mailer` and is chosen here.
 */
export type MailMessage = { to: string; subject: string; text: string };
export type Mailer = { send(message: MailMessage): Promise<void> };

export const noMailer: Mailer = {
  async send() {
    /* Intentionally nothing: links are shown in the UI until a sender is configured. */
  },
};
