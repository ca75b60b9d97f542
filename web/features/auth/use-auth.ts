export { useLogin, useLogout } from '../session/use-session.js';
