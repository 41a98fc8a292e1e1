/** The patient-data access log: who read which patient, its retention, and the endpoint clinic administrators read it by. */
package org.backtrack.security.accesslog;
