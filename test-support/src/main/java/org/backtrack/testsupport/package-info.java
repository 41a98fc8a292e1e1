/** Test infrastructure shared by every module: real Kafka and MongoDB-wire servers, embedded or in containers. */
package org.backtrack.testsupport;
