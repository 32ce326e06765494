# The application image, built from this repository: docker compose build (see README.md).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 10001 kompetansemidler
COPY --from=build /src/target/kompetansemidler.jar /app/kompetansemidler.jar
USER kompetansemidler
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/kompetansemidler.jar"]
