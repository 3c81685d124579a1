/**
 * Faces views and web concerns that span features: the chat page's view and the security headers every response
 * carries.
 */
package dev.parley.web;
