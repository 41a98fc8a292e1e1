/** The shape of every BackTrack error answer: RFC 9457 problem documents naming the fields at fault. */
package org.backtrack.problems;
