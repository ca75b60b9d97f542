export { useLogin, useLogout } from './use-session.js';
