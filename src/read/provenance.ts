export { gitState, type GitState } from './git.js';
