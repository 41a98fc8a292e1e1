/** The clinic settings endpoints. */
package org.backtrack.progress.clinics.web;
