/** A downstream module that uses Sampling4J through its exported API only. */
module org.sampling4j.it.consumer {
    requires org.sampling4j;
}
