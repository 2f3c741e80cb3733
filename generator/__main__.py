from .cli import main

if __name__ == "__main__":  # worker processes of a large check import this module again; they must not run it
    main()
