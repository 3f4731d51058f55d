import { createContext, useContext } from 'react'

/** The Content-Security-Policy nonce of the current response (empty in the browser). */
export const NonceContext = createContext<string>('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
