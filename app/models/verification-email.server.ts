import { createEmailVerification, type User } from '~/models/user.server'
import { getConfig } from '~/services/config.server'
import { sendEmail } from '~/services/email.server'

/** Creates a fresh verification code for the user and emails it, with a one-click link. */
export async function sendVerificationEmail(user: Pick<User, 'id' | 'email' | 'name' | 'locale'>) {
  const { id, code } = createEmailVerification(user)
  const verifyUrl = `${getConfig().appUrl}/account/verify?request=${id}&code=${code}`
  await sendEmail({
    template: 'verify-email',
    to: user.email,
    locale: user.locale,
    userId: user.id,
    data: { name: user.name, code, verifyUrl },
  })
}
