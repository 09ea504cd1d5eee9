package io.trunkline.adapter.jpa;

import org.hibernate.resource.beans.container.spi.BeanContainer;
import org.hibernate.resource.beans.container.spi.ContainedBean;
import org.hibernate.resource.beans.spi.BeanInstanceProducer;

/**
 * Hibernate's bean container, without CDI. Under Liberty's jpaContainer Hibernate otherwise asks the CDI
 * BeanManager for its beans (converters, listeners) while the persistence unit starts, before CDI is ready, and fails
 * with "CDI BeanManager not (yet) ready". Trunkline has no CDI-managed JPA beans, so plain instantiation is enough.
 * Named in persistence.xml by {@code hibernate.resource.beans.container}.
 */
public final class ReflectiveBeanContainer implements BeanContainer {

    @Override
    public <B> ContainedBean<B> getBean(Class<B> beanType, LifecycleOptions options, BeanInstanceProducer producer) {
        B instance = producer.produceBeanInstance(beanType);
        return () -> instance;
    }

    @Override
    public <B> ContainedBean<B> getBean(String name, Class<B> beanType, LifecycleOptions options,
                                        BeanInstanceProducer producer) {
        B instance = producer.produceBeanInstance(name, beanType);
        return () -> instance;
    }

    @Override
    public void stop() {
        // Nothing held: instances belong to Hibernate.
    }
}
