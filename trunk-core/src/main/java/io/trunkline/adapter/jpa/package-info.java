/**
 * JPA adapters of the domain ports (Hibernate as provider), with entity classes kept apart from the domain records
 * so that the domain carries no persistence annotations. Transactions are resource-local: the same code runs on SIP
 * container threads, JAX-RS threads and the CDR writer's own thread.
 */
package io.trunkline.adapter.jpa;
