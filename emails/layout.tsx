import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'
import type { EmailT } from './types.ts'

const main = { backgroundColor: '#f4f5f7', fontFamily: 'Arial, Helvetica, sans-serif', color: '#1b1f24' }
const container = { backgroundColor: '#ffffff', margin: '24px auto', padding: '24px 32px', maxWidth: '560px' }
const footer = { color: '#57606a', fontSize: '12px', lineHeight: '18px' }

export function EmailLayout(props: {
  t: EmailT
  lang: string
  preview: string
  children: ReactNode
  unsubscribeUrl?: string
}) {
  return (
    <Html lang={props.lang}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={main}>
        <Container style={container}>
          <Text style={{ fontSize: '14px', fontWeight: 'bold', color: '#0b5394', margin: '0 0 16px' }}>
            {props.t('app.name')}
          </Text>
          <Section>{props.children}</Section>
          <Hr />
          <Text style={footer}>{props.t('emails.footer.automatic')}</Text>
          {props.unsubscribeUrl ? (
            <Text style={footer}>
              <a href={props.unsubscribeUrl}>{props.t('emails.footer.unsubscribe')}</a>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  )
}

export const styles = {
  heading: { fontSize: '20px', lineHeight: '28px', margin: '0 0 12px' },
  text: { fontSize: '15px', lineHeight: '22px' },
  code: {
    fontSize: '28px',
    letterSpacing: '6px',
    fontWeight: 'bold',
    fontFamily: 'Consolas, Menlo, monospace',
    background: '#eef2f7',
    padding: '12px 16px',
    display: 'inline-block',
  },
  button: {
    backgroundColor: '#0b5394',
    color: '#ffffff',
    padding: '12px 20px',
    borderRadius: '4px',
    textDecoration: 'none',
    fontWeight: 'bold',
    display: 'inline-block',
  },
}
