import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'

/** A form's data, multipart or not; a part larger than `maxBytes` is reported, not thrown. */
export async function readForm(
  request: Request,
  maxBytes: number,
): Promise<{ form: FormData } | { error: 'tooLarge' }> {
  const type = request.headers.get('Content-Type') ?? ''
  if (!type.startsWith('multipart/form-data')) return { form: await request.formData() }
  try {
    return {
      form: await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }),
      ),
    }
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return { error: 'tooLarge' }
    throw e
  }
}

/** A file of the form, or null when none was chosen. */
export function fileOf(form: FormData, name: string): File | null {
  const value = form.get(name)
  return value instanceof File && value.size > 0 ? value : null
}

/** A file name safe to store and to send back in Content-Disposition. */
export function safeFileName(name: string, fallback: string): string {
  return name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 150) || fallback
}

/** Content-Disposition for a download, with the UTF-8 name (RFC 6266). */
export function attachmentDisposition(fileName: string, inline = false): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
