/** The wiring every BackTrack service gets by depending on this module (one auto-configuration). */
package org.backtrack.security.config;
